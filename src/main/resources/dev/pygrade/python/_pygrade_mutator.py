"""Mutants of a reference solution, for `pygrade validate --mutation`.

    mutants(source, filename, limit) -> JSON text: [{"line", "column", "kind", "change", "source"}, ...]

Runs inside a GraalPy context of pygrade's own (never host Python): parsing and unparsing is
pure computation, so the context needs no permission at all.

Each mutant changes ONE thing a real mistake would change: an arithmetic operator, a
comparison's boundary, a boolean operator, a constant, a removed statement (replaced by
`pass`), a returned value (replaced by None), a removed `not` or unary minus. The list is
deterministic (same source, same limit -> the same mutants in the same order): sites are
visited in source order, and when there are more than `limit` of them, evenly spaced ones are
taken first so that the whole file is sampled, not just its top.

Skipped, and not counted (they could only be "equivalent" mutants that no check can catch,
or noise): docstrings, annotations, the body of `if __name__ == "__main__":`, f-string parts,
messages of `raise`, imports and definitions, mutants that do not compile, and mutants whose
unparsed text equals the original's or an earlier mutant's.
"""

import ast
import copy
import json

_BINARY = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.LShift: ast.RShift, ast.RShift: ast.LShift,
    ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd, ast.BitXor: ast.BitOr, ast.MatMult: ast.Mult,
}
_COMPARE = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
_BOOLEAN = {ast.And: ast.Or, ast.Or: ast.And}
# Statements whose removal is a plausible mistake; removing a def, a class or an import only
# produces a NameError every check catches, which says nothing about the checks.
_REMOVABLE = (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Raise, ast.Assert, ast.Delete,
              ast.Break, ast.Continue)
_SHOWN = 70


def _children(node):
    """(field, index or None, child) of a node, in source order."""
    for field, value in ast.iter_fields(node):
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield field, index, item
        elif isinstance(value, ast.AST):
            yield field, None, value


def _walk(tree):
    """Every node with its parent and place, depth first in source order, and whether a
    mutation there would be noise (see the module's docstring)."""
    stack = [(tree, None, None, None, False)]
    while stack:
        node, parent, field, index, skipped = stack.pop()
        yield node, parent, field, index, skipped
        children = []
        for child_field, child_index, child in _children(node):
            skip = skipped or _noise(node, child_field, child_index, child)
            children.append((child, node, child_field, child_index, skip))
        stack.extend(reversed(children))


def _noise(parent, field, index, child):
    if field in ("annotation", "returns", "type_comment"):
        return True
    if isinstance(parent, ast.JoinedStr) or isinstance(parent, ast.Raise) and field in ("exc", "cause"):
        return True
    if isinstance(parent, (ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal)):
        return True
    if isinstance(child, ast.If) and _is_main_guard(child.test):
        return True
    if field == "body" and index == 0 and isinstance(parent, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef,
                                                               ast.ClassDef)):
        return _is_docstring(child)
    return False


def _is_main_guard(test):
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__"
            and len(test.comparators) == 1 and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__")


def _is_docstring(statement):
    return (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str))


def _shown(node):
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= _SHOWN else text[:_SHOWN - 3] + "..."


def _operations(node, parent):
    """The mutations possible at one node: (kind, apply) pairs; apply(copy_of_node, place)
    answers (replacement node or None to keep the node, before text, after text)."""
    found = []
    if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _BINARY:
        found.append(("arithmetic", _swap_operator))
    if isinstance(node, ast.Compare):
        for position, operator in enumerate(node.ops):
            if type(operator) in _COMPARE:
                found.append(("comparison", _compare_swapper(position)))
    if isinstance(node, ast.BoolOp):
        found.append(("boolean", _swap_boolean))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        found.append(("boolean" if isinstance(node.op, ast.Not) else "arithmetic", _drop_unary))
    if isinstance(node, ast.Constant) and _constant_changed(node.value) is not None:
        found.append(("constant", _change_constant))
    if isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None):
        found.append(("return", _return_none))
    if isinstance(node, _REMOVABLE) and isinstance(parent, ast.AST):
        found.append(("statement", _remove_statement))
    return found


def _swap_operator(node):
    before = _shown(node)
    node.op = _BINARY[type(node.op)]()
    return None, before, _shown(node)


def _compare_swapper(position):
    def swap(node):
        before = _shown(node)
        node.ops[position] = _COMPARE[type(node.ops[position])]()
        return None, before, _shown(node)
    return swap


def _swap_boolean(node):
    before = _shown(node)
    node.op = _BOOLEAN[type(node.op)]()
    return None, before, _shown(node)


def _drop_unary(node):
    return node.operand, _shown(node), _shown(node.operand)


def _constant_changed(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return 1 if value == 0 else (0 if value == 1 else value + 1)
    if isinstance(value, float):
        return value + 1.0
    if isinstance(value, str) and value:
        return ""
    return None


def _change_constant(node):
    before = _shown(node)
    replacement = ast.Constant(value=_constant_changed(node.value))
    return replacement, before, _shown(replacement)


def _return_none(node):
    before = _shown(node)
    node.value = ast.Constant(value=None)
    return None, before, "return None"


def _remove_statement(node):
    return ast.Pass(), _shown(node), "pass"


def _sites(tree):
    """(node number, kind, operation, line, column) of every mutation site, in source order."""
    sites = []
    for number, (node, parent, _field, _index, skipped) in enumerate(_walk(tree)):
        if skipped:
            continue
        for kind, operation in _operations(node, parent):
            sites.append((number, kind, operation, getattr(node, "lineno", 0), getattr(node, "col_offset", 0)))
    return sites


def _spread(count, limit):
    """Indexes 0..count-1, evenly spaced ones first, then the rest in order."""
    if count <= limit:
        return list(range(count))
    first = sorted({(k * count) // limit for k in range(limit)})
    chosen = set(first)
    return first + [i for i in range(count) if i not in chosen]


def _apply(tree, number, operation):
    """A mutated copy of tree: the node numbered `number` changed by operation."""
    mutant = copy.deepcopy(tree)
    for current, (node, parent, field, index, _skipped) in enumerate(_walk(mutant)):
        if current != number:
            continue
        replacement, before, after = operation(node)
        if replacement is not None:
            ast.copy_location(replacement, node)
            if index is None:
                setattr(parent, field, replacement)
            else:
                getattr(parent, field)[index] = replacement
        return ast.fix_missing_locations(mutant), before, after
    raise LookupError("no node numbered %d" % number)


def mutants(source, filename, limit):
    tree = ast.parse(source, filename)
    original = ast.unparse(tree)
    seen = {original}
    sites = _sites(tree)
    found = []
    for position in _spread(len(sites), limit):
        if len(found) >= limit:
            break
        number, kind, operation, line, column = sites[position]
        try:
            mutant, before, after = _apply(tree, number, operation)
            text = ast.unparse(mutant)
            compile(text, filename, "exec")
        except (SyntaxError, ValueError, TypeError, RecursionError):
            continue  # does not compile (e.g. `continue` left outside a loop): not a mutant
        if text in seen or before == after:
            continue  # equal to the original or to an earlier mutant
        seen.add(text)
        found.append({"line": line, "column": column, "kind": kind,
                      "change": "`%s` -> `%s`" % (before, after), "source": text})
    found.sort(key=lambda m: (m["line"], m["column"], m["kind"], m["change"]))
    return json.dumps(found)
