from pygrade import check, expect_equal, expect_is, expect_raises, capture_output, fail

CREATE = "Creating file\n"
CLEAN = "Cleaning up file\n"


class ErrorInBlock(Exception):
    """An exception only the checks raise, so nothing in the answer can expect it."""


@check(weight=1, description="the with-statement binds the name \"temp.txt\" to its as-target")
def value_bound_by_as(solution):
    with capture_output():
        with solution.temp_file() as name:
            pass
    expect_equal(name, "temp.txt", "the value bound by `with temp_file() as name`")


@check(weight=2, description="setup, body and cleanup print in that order, exactly once each")
def output_order(solution):
    with capture_output() as out:
        with solution.temp_file():
            print("Using file")
    expect_equal(out.stdout, CREATE + "Using file\n" + CLEAN,
                 "what `with temp_file(): print('Using file')` printed")


@check(weight=1, description="calling temp_file() alone does nothing; setup happens on entering the with-block")
def setup_on_enter(solution):
    with capture_output() as out:
        manager = solution.temp_file()
    expect_equal(out.stdout, "", "what `temp_file()` printed before any with-statement used it")
    with capture_output() as out:
        with manager:
            print("Using file")
    expect_equal(out.stdout, CREATE + "Using file\n" + CLEAN,
                 "what `m = temp_file(); with m: print('Using file')` printed")


@check(weight=3, description="cleanup runs when the with-block raises an exception")
def cleanup_on_exception(solution):
    with capture_output() as out:
        try:
            with solution.temp_file():
                print("Using file")
                raise ErrorInBlock("raised inside the with-block")
        except ErrorInBlock:
            pass
    expect_equal(out.stdout, CREATE + "Using file\n" + CLEAN,
                 "what was printed when the with-block raised an exception")


@check(weight=3, description="an exception raised in the with-block reaches the caller unchanged")
def exception_propagates(solution):
    raised = ErrorInBlock("raised inside the with-block")
    with capture_output():
        with expect_raises(ErrorInBlock, "an exception raised inside `with temp_file():`") as caught:
            with solution.temp_file():
                raise raised
    expect_is(caught.exception, raised, "the exception that came out of the with-block (must be the one raised in it)")
    with capture_output():
        with expect_raises(KeyError, "KeyError raised inside `with temp_file():`"):
            with solution.temp_file():
                {}["missing"]


@check(weight=1, description="cleanup runs when the block is left early by return")
def cleanup_on_return(solution):
    def leave_early():
        with solution.temp_file() as name:
            return name
        fail("unreachable")

    with capture_output() as out:
        name = leave_early()
    expect_equal(name, "temp.txt", "the value returned from inside `with temp_file() as name: return name`")
    expect_equal(out.stdout, CREATE + CLEAN, "what was printed when the block returned early")


@check(weight=1, description="independent managers nest and can be used one after another")
def nested_and_repeated(solution):
    with capture_output() as out:
        with solution.temp_file() as first, solution.temp_file() as second:
            print("Using both")
        with solution.temp_file():
            print("Again")
    expect_equal((first, second), ("temp.txt", "temp.txt"), "the names bound by two nested temp_file() managers")
    expect_equal(out.stdout, CREATE + CREATE + "Using both\n" + CLEAN + CLEAN + CREATE + "Again\n" + CLEAN,
                 "what two nested managers and then a third one printed")
