"""The notes app: a JSON API under /api/notes and a page at / that uses it."""
import os

from flask import Flask, jsonify, render_template, request

from notes import NoteStore


def create_app(store=None):
    """The Flask app; tests pass their own store."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 16 * 1024
    notes = store if store is not None else NoteStore()

    @app.get("/api/notes")
    def list_notes():
        return jsonify(notes.list())

    @app.post("/api/notes")
    def add_note():
        body = request.get_json(silent=True) or {}
        note = notes.add(body.get("text"))
        if note is None:
            return jsonify(error="a note needs some text"), 400
        return jsonify(note), 201

    @app.delete("/api/notes/<int:note_id>")
    def remove_note(note_id):
        if not notes.remove(note_id):
            return jsonify(error="no such note"), 404
        return "", 204

    @app.get("/")
    def page():
        return render_template("index.html")

    return app


if __name__ == "__main__":
    create_app().run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")))
