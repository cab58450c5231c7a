"""Runnable examples for the guide: one small Flask app per documented behaviour.

Run any of them with ``flask --app examples.<chapter>.<name> run``.
"""
