"""Flask 3.1's limits on multipart forms: MAX_FORM_MEMORY_SIZE and MAX_FORM_PARTS."""

from flask import Flask, request


def create_app():
    app = Flask(__name__)
    app.config["MAX_FORM_MEMORY_SIZE"] = 500  # bytes in one text field (default 500,000)
    app.config["MAX_FORM_PARTS"] = 3  # fields and files in one form (default 1,000)

    @app.post("/profile")
    def profile():
        return {"fields": sorted(request.form), "files": sorted(request.files)}

    return app
