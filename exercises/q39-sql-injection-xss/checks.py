import html
import re

from pygrade import check, expect_equal, expect_raises, fail

# A stand-in DB-API connection (paramstyle "qmark") over a three-row users table. It records
# every statement with its parameters. A query that carries its values inside the SQL text is
# answered the way a real database would: a quote ends the string literal, and what follows
# is SQL (so "x' OR '1'='1" matches every row).
TABLE = [(1, "alice", "alice@example.com"), (2, "bob", "bob@example.com"), (3, "o'brien", "obrien@example.com")]
INJECTION = "x' OR '1'='1"


class DatabaseError(Exception):
    pass


class OperationalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


_LITERAL = re.compile(r"username\s*=\s*'((?:[^']|'')*)'(.*)$", re.IGNORECASE | re.DOTALL)


def _rows_for(sql, params):
    if params:
        if "%s" in sql or "{" in sql:
            raise ProgrammingError("this connection's paramstyle is qmark: write placeholders as ?")
        if sql.count("?") != len(params):
            raise ProgrammingError("Incorrect number of bindings supplied. The current statement uses %d, "
                                   "and there are %d supplied." % (sql.count("?"), len(params)))
        if re.search(r"(?i)\blike\b", sql):
            # as SQLite's LIKE: % and _ are wildcards, ASCII letters match in either case
            pattern = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in str(params[0]))
            return [row for row in TABLE if re.fullmatch(pattern, row[1], re.IGNORECASE | re.DOTALL)]
        return [row for row in TABLE if row[1] == params[0]]
    match = _LITERAL.search(sql)
    if match is None:
        return list(TABLE) if "where" not in sql.lower() else []
    value, rest = match.group(1).replace("''", "'"), match.group(2).strip().rstrip(";").strip()
    if not rest:
        return [row for row in TABLE if row[1] == value]
    if re.match(r"(?i)or\s+'([^']*)'\s*=\s*'([^']*)'?$", rest):
        return list(TABLE)  # the injected OR is always true
    raise OperationalError("near %r: syntax error" % rest.split()[0])


class FakeCursor:
    def __init__(self, log):
        self._log = log
        self._rows = []
        self.rowcount = -1
        self.description = None

    def execute(self, sql, params=None):
        if not isinstance(sql, str):
            raise ProgrammingError("the SQL must be a str")
        if params is not None and not isinstance(params, (tuple, list)):
            raise ProgrammingError("parameters are of unsupported type (qmark style takes a tuple or list)")
        recorded = tuple(params) if params is not None else None
        self._log.append((sql, recorded))
        self._rows = _rows_for(sql, recorded)
        self.rowcount = len(self._rows)
        self.description = (("id",), ("username",), ("email",))
        return self

    def fetchone(self):
        return self._rows.pop(0) if self._rows else None

    def fetchall(self):
        rows, self._rows = self._rows, []
        return rows

    def fetchmany(self, size=1):
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    def __iter__(self):
        return iter(self.fetchall())

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False


class FakeConnection:
    paramstyle = "qmark"

    def __init__(self):
        self.log = []

    def cursor(self):
        return FakeCursor(self.log)

    def execute(self, sql, params=None):
        return self.cursor().execute(sql, params)

    def commit(self):
        pass

    def rollback(self):
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False


def _find(solution, username):
    conn = FakeConnection()
    what = "find_user(conn, %r)" % username
    try:
        result = solution.find_user(conn, username)
    except DatabaseError as error:
        fail("%s raised %s: %s (the SQL sent was %r)" % (what, type(error).__name__, error,
                                                         conn.log[-1][0] if conn.log else None))
    return what, result, conn.log


def _expect_parameterized(what, log, username):
    if not log:
        fail(what + " executed no statement")
    for sql, params in log:
        if params is None or username not in params:
            fail("%s executed %r with parameters %r: pass the username as a parameter, "
                 "execute(sql, (username,)), not inside the SQL text" % (what, sql, params))
        if username in sql:
            fail("%s put the username into the SQL text %r; use a ? placeholder" % (what, sql))
        expect_equal(params[0], username, "the first parameter %s passed with %r" % (what, sql))


def _render(solution, text):
    out = solution.render_comment(text)
    if type(out) is str:
        out = out.replace("&#39;", "&#x27;")  # both spellings of the apostrophe are fine
    return out


@check(weight=2, description="find_user returns the (id, username, email) row of an existing user")
def finds_existing_user(solution):
    for row in TABLE[:2]:
        what, result, _ = _find(solution, row[1])
        expect_equal(result, row, what)


@check(weight=1, description="find_user returns None for an unknown user")
def unknown_user_is_none(solution):
    what, result, _ = _find(solution, "nobody")
    expect_equal(result, None, what)


@check(weight=3, description="find_user uses a parameterized query: the username never goes into the SQL text")
def parameterized_query(solution):
    for name in ("alice", "bob", "nobody"):
        what, _, log = _find(solution, name)
        _expect_parameterized(what, log, name)


@check(weight=2, description="the injection x' OR '1'='1 finds nobody and stays out of the SQL")
def injection_finds_nobody(solution):
    what, result, log = _find(solution, INJECTION)
    expect_equal(result, None, what)
    _expect_parameterized(what, log, INJECTION)


@check(weight=1, description="find_user matches exactly that username: case matters, % and _ are plain characters")
def exact_match_only(solution):
    for name in ("ALICE", "Bob", "%", "al_ce", "%e%"):
        what, result, _ = _find(solution, name)
        expect_equal(result, None, what)


@check(weight=1, description="a username with a quote (o'brien) is found")
def quote_in_username(solution):
    what, result, _ = _find(solution, "o'brien")
    expect_equal(result, TABLE[2], what)


@check(weight=3, description="render_comment escapes script tags and event-handler markup")
def no_script_survives(solution):
    for text in ("<script>alert(1)</script>", "<ScRiPt src=//evil.example/x.js></ScRiPt>",
                 "<img src=x onerror=alert(1)>", "</p><script>steal(document.cookie)</script><p>"):
        out = _render(solution, text)
        expect_equal(out, "<p>" + html.escape(text) + "</p>", "render_comment(%r)" % text)


@check(weight=1, description="render_comment escapes & once, first (no double escaping)")
def ampersand_escaped_once(solution):
    for text in ("Tom & Jerry <3", "a &lt; b", "x > y & y > z"):
        expect_equal(_render(solution, text), "<p>" + html.escape(text) + "</p>", "render_comment(%r)" % text)


@check(weight=1, description="render_comment escapes double and single quotes")
def quotes_escaped(solution):
    for text in ('He said "hi"', "it's", "\" onmouseover='alert(1)'"):
        expect_equal(_render(solution, text), "<p>" + html.escape(text) + "</p>", "render_comment(%r)" % text)


@check(weight=1, description="render_comment leaves ordinary text unchanged")
def plain_text_unchanged(solution):
    for text in ("Just text.", "", "Unicode: café, 東京, emoji 🙂", "line one\nline two"):
        expect_equal(_render(solution, text), "<p>" + text + "</p>", "render_comment(%r)" % text)
