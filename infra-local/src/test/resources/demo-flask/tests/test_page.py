from app import create_app


def test_the_page_is_served_at_the_root_and_uses_the_api():
    page = create_app().test_client().get("/")
    assert page.status_code == 200
    assert b"<h1>Notes</h1>" in page.data
    assert b"/api/notes" in page.data
