import gc
import weakref

from pygrade import check, expect_equal, expect_false, expect_true, fail


_WORLDS = {}


def _dropped_tree(Node):
    """Builds a 40-node tree and answers weak references to its nodes only. Built in a
    function of its own so that no stale local (or loop iterator) of the caller's frame
    can keep the tree alive."""
    root = Node(0)
    refs = [weakref.ref(root)]
    level = [root]
    for depth in range(3):
        next_level = []
        for node in level:
            for k in range(3):
                child = Node(node.value * 10 + k + 1)
                node.add_child(child)
                refs.append(weakref.ref(child))
                next_level.append(child)
        level = next_level
    return refs


def _orphan(Node):
    """A child whose parent nobody else references: (child, weak reference to the parent)."""
    parent = Node("parent")
    child = Node("child")
    parent.add_child(child)
    return child, weakref.ref(parent)


def _world(solution):
    """Builds, once per loaded answer, the three situations the memory checks look at, then
    runs ONE garbage collection for all of them: on GraalPy every gc.collect() is a full
    collection of the JVM heap and costs real time. The results are kept as plain data."""
    world = _WORLDS.get(id(solution))
    if world is not None:
        return world
    Node = solution.Node
    # children_strong: children referenced only by their parent
    keeper = Node("root")
    keeper.add_child(Node("only-in-tree"))
    keeper.add_child(Node("also-only-in-tree"))
    # parent_weak / parent_gone: a parent referenced only by its child
    orphan, parent_ref = _orphan(Node)
    tree_refs = _dropped_tree(Node)
    gc.collect()
    if parent_ref() is not None or any(ref() is not None for ref in tree_refs):
        gc.collect()  # one more round, in case the first left something
    world = {
        "kept_children": [child.value for child in keeper.children],
        "parent_freed": parent_ref() is None,
        "tree_alive": sum(1 for ref in tree_refs if ref() is not None),
        "tree_built": len(tree_refs),
    }
    try:
        seen = orphan.parent
        world["orphan_parent"] = "None" if seen is None else type(seen).__name__
    except ReferenceError:
        world["orphan_parent"] = "ReferenceError"
    _WORLDS.clear()
    _WORLDS[id(solution)] = world
    return world


def _values(nodes):
    return [node.value for node in nodes]


@check(weight=2, description="Node(value) starts with no children and no parent; add_child links both ways")
def basics(solution):
    root = solution.Node("root")
    expect_equal(root.value, "root", "Node('root').value")
    expect_equal(list(root.children), [], "Node('root').children before any add_child")
    expect_true(root.parent is None, "Node('root').parent is None (a node never added to a parent)")
    a, b, c = solution.Node(1), solution.Node(2), solution.Node(3)
    for child in (a, b, c):
        root.add_child(child)
    expect_equal(_values(root.children), [1, 2, 3], "the values of root.children after add_child(1), (2), (3)")
    expect_true(isinstance(root.children, list), "root.children is a list")
    for child in (a, b, c):
        expect_true(child.parent is root, f"Node({child.value}).parent is root after root.add_child(it)")
    expect_true(root.parent is None, "root.parent is still None")


@check(weight=2, description="a grandchild's parent is its own parent, and the tree can be walked upwards")
def walk_up(solution):
    root, mid, leaf = solution.Node("r"), solution.Node("m"), solution.Node("l")
    root.add_child(mid)
    mid.add_child(leaf)
    path, node = [], leaf
    while node is not None and len(path) < 5:
        if not isinstance(node, solution.Node):
            fail(f"walking up from the leaf of r -> m -> l: the .parent after {path} is a "
                 f"{type(node).__name__}, not a Node (return the parent itself)")
        path.append(node.value)
        node = node.parent
    expect_equal(path, ["l", "m", "r"], "the values met walking .parent up from the leaf of r -> m -> l")


@check(weight=2, description="children are held strongly: a child referenced only by its parent stays")
def children_strong(solution):
    world = _world(solution)
    expect_equal(world["kept_children"], ["only-in-tree", "also-only-in-tree"],
                 "root.children after root.add_child(Node(...)) twice and a garbage collection "
                 "(the parent must keep its children alive)")


@check(weight=3, description="the parent is held weakly: a child alone does not keep its parent alive")
def parent_weak(solution):
    world = _world(solution)
    expect_true(world["parent_freed"],
                "the parent was freed once only its child referenced it (hold the parent through weakref.ref, "
                "not as a plain attribute)")


@check(weight=2, description="once the parent is gone, child.parent is None")
def parent_gone(solution):
    world = _world(solution)
    if not world["parent_freed"]:
        fail("the parent was not freed while its child lived (it is held strongly), so child.parent cannot be None")
    if world["orphan_parent"] == "ReferenceError":
        fail("reading child.parent after the parent was freed raised ReferenceError; it must be None")
    expect_equal(world["orphan_parent"], "None", "the type of child.parent after the parent was freed")


@check(weight=2, description="nothing else keeps nodes alive: dropping the root frees the whole tree")
def tree_freed(solution):
    world = _world(solution)
    expect_equal(world["tree_built"], 40, "nodes built")
    expect_equal(world["tree_alive"], 0, "nodes of a 40-node tree still alive after its root was dropped "
                                         "(is there a registry, cache or class attribute holding nodes?)")
