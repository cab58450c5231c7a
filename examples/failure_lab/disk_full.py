"""Notes kept in files. A full disk answers 507; other failures stay 500s."""

import errno
import os

from flask import Flask, request
from werkzeug.exceptions import HTTPException
from werkzeug.utils import secure_filename


class InsufficientStorage(HTTPException):
    """Werkzeug has no class for 507, a WebDAV status: define one."""

    code = 507
    description = "There is no room left to store your note. Nothing was saved."


def create_app(notes_dir="notes"):
    app = Flask(__name__)

    @app.post("/notes/<notebook>")
    def add_note(notebook):
        path = os.path.join(notes_dir, secure_filename(notebook) + ".txt")
        try:
            with open(path, "a", encoding="utf-8") as notes:
                notes.write(request.get_data(as_text=True) + "\n")
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise  # not a full disk: Flask's 500, traceback in the log
            app.logger.error("No room for a note in %r: %s", notebook, exc)
            raise InsufficientStorage() from exc
        return {"saved": notebook}, 201

    return app
