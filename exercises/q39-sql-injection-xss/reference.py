import html

FIND_USER_SQL = "SELECT id, username, email FROM users WHERE username = ?"


def find_user(conn, username):
    cursor = conn.cursor()
    try:
        cursor.execute(FIND_USER_SQL, (username,))  # the driver passes the value, never as SQL
        row = cursor.fetchone()
    finally:
        cursor.close()
    return tuple(row) if row is not None else None


def render_comment(text):
    return "<p>" + html.escape(text, quote=True) + "</p>"
