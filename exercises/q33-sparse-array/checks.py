from pygrade import check, expect_equal, expect_false, expect_raises, expect_true


@check(weight=2, description="values set can be read back; unset elements read as the int 0")
def get_and_set(solution):
    sa = solution.SparseArray()
    expect_equal(sa[0], 0, "SparseArray()[0]")
    sa[3] = 7
    sa[8] = -2.5
    expect_equal((sa[3], sa[8], sa[4]), (7, -2.5, 0), "(sa[3], sa[8], sa[4]) after sa[3] = 7; sa[8] = -2.5")
    sa[3] = 11
    expect_equal(sa[3], 11, "sa[3] after overwriting it with sa[3] = 11")


@check(weight=2, description="zeros are never stored, and setting zero on an unset index is not an error")
def zeros_not_stored(solution):
    sa = solution.SparseArray()
    sa[4] = 0
    sa[9] = 0.0
    expect_equal(dict(sa.data), {}, "sa.data after sa[4] = 0; sa[9] = 0.0 on a new SparseArray")
    expect_equal((sa[4], sa[9]), (0, 0), "(sa[4], sa[9]) after setting them to zero")


@check(weight=2, description="setting an element to zero deletes its entry")
def zero_deletes(solution):
    sa = solution.SparseArray()
    for index in range(10):
        sa[index] = index + 1
    expect_equal(len(sa.data), 10, "len(sa.data) after setting indices 0..9 to 1..10")
    for index in range(0, 10, 2):
        sa[index] = 0
    sa[1] = 0.0
    expect_equal(dict(sa.data), {3: 4, 5: 6, 7: 8, 9: 10},
                 "sa.data after setting the even indices to 0 and sa[1] = 0.0")
    expect_equal(sa[2], 0, "sa[2] after sa[2] = 0")


@check(weight=2, description="reading elements never adds entries to sa.data")
def reads_do_not_store(solution):
    sa = solution.SparseArray()
    sa[100] = 1
    total = 0
    for index in range(50):
        total += sa[index]
    expect_equal(total, 0, "sum of sa[0] .. sa[49] (all unset)")
    expect_equal(dict(sa.data), {100: 1}, "sa.data after reading 50 unset elements")


@check(weight=1, description="huge indices cost nothing: sa[10**12] = 3 works at once")
def huge_indices(solution):
    sa = solution.SparseArray()
    sa[10 ** 12] = 3
    sa[0] = 1
    expect_equal(dict(sa.data), {10 ** 12: 3, 0: 1}, "sa.data after sa[10**12] = 3; sa[0] = 1")
    expect_equal((sa[10 ** 12], sa[0]), (3, 1), "(sa[10**12], sa[0]) after sa[10**12] = 3; sa[0] = 1")


@check(weight=1, description="instances have __slots__ and no per-instance __dict__")
def uses_slots(solution):
    expect_true("__slots__" in vars(solution.SparseArray), "SparseArray declares __slots__")
    sa = solution.SparseArray()
    expect_false(hasattr(sa, "__dict__"), "hasattr(SparseArray(), '__dict__')")
    with expect_raises(AttributeError, "sa.extra = 1 (a slotted instance takes no new attributes)"):
        sa.extra = 1
