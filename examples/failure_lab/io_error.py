"""The notes app again, on a disk that answers EIO: that stays a 500."""

from .disk_full import create_app as create_app
