import pytest

from app import create_app


@pytest.fixture
def client():
    return create_app().test_client()


def test_a_note_is_created_with_201_and_listed(client):
    created = client.post("/api/notes", json={"text": "buy milk"})
    assert created.status_code == 201
    assert created.get_json() == {"id": 1, "text": "buy milk"}
    assert client.get("/api/notes").get_json() == [{"id": 1, "text": "buy milk"}]


def test_a_note_without_text_is_400(client):
    assert client.post("/api/notes", json={"text": "   "}).status_code == 400
    assert client.post("/api/notes", data="not json").status_code == 400


def test_delete_removes_a_note_and_a_second_delete_is_404(client):
    note = client.post("/api/notes", json={"text": "call mum"}).get_json()
    assert client.delete(f"/api/notes/{note['id']}").status_code == 204
    assert client.delete(f"/api/notes/{note['id']}").status_code == 404
