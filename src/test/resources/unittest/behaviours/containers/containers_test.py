import unittest

from solution import Node, corner, thirds, tree, word_count


class ContainersTest(unittest.TestCase):
    def test_named_tuple_equals_tuple(self):
        self.assertEqual(corner(), (3, 4))

    def test_counter_equals_dict(self):
        self.assertEqual(word_count("a b a"), {"a": 2, "b": 1})

    def test_objects_inside_lists(self):
        self.assertEqual(tree().children, [Node(2), Node(3)])
        self.assertEqual(tree(), Node(1, [Node(2), Node(3)]))

    def test_count_equal(self):
        self.assertCountEqual(["b", "a", "b"], ["a", "b", "b"])
        self.assertCountEqual(tree().children, [Node(3), Node(2)])

    def test_almost_equal(self):
        self.assertAlmostEqual(thirds()[0], 0.3333333, places=6)
        self.assertAlmostEqual(sum(thirds()), 1.0)

    def test_in(self):
        self.assertIn(Node(2), tree().children)
        self.assertIn("a", word_count("a b"))
        self.assertNotIn(Node(5), tree().children)

    def test_list_and_tuple_differ(self):
        self.assertEqual([3, 4], (3, 4))

    def test_list_equal_diff(self):
        self.assertListEqual([1, 2, 3], [1, 2, 4])

    def test_sequence_equal_across_types(self):
        self.assertSequenceEqual([3, 4], (3, 4))

    def test_dict_differs(self):
        self.assertDictEqual(dict(word_count("a b a")), {"a": 1, "b": 1})
