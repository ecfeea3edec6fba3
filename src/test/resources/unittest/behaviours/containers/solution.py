import collections

Point = collections.namedtuple("Point", "x y")


class Node:
    def __init__(self, value, children=()):
        self.value, self.children = value, list(children)

    def __eq__(self, other):
        return isinstance(other, Node) and (self.value, self.children) == (other.value, other.children)

    def __repr__(self):
        return "Node(%r)" % (self.value,)


def corner():
    return Point(3, 4)


def word_count(text):
    return collections.Counter(text.split())


def tree():
    return Node(1, [Node(2), Node(3)])


def thirds():
    return [1 / 3, 2 / 3]
