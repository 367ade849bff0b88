"""Notes kept in memory: what the API lists, adds and removes. They are lost when the server stops."""

MAX_TEXT = 1000


class NoteStore:
    def __init__(self):
        self._notes = []
        self._next_id = 1

    def list(self):
        return list(self._notes)

    def add(self, text):
        """Adds a note; its text is trimmed and required. Returns the note, or None when the text is empty."""
        clean = text.strip() if isinstance(text, str) else ""
        if not clean:
            return None
        note = {"id": self._next_id, "text": clean[:MAX_TEXT]}
        self._next_id += 1
        self._notes.append(note)
        return note

    def remove(self, note_id):
        for index, note in enumerate(self._notes):
            if note["id"] == note_id:
                del self._notes[index]
                return True
        return False
