"""YAML parsing that remembers line numbers, so admin errors can name the line."""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import yaml


class LineDict(dict):
    """A mapping from YAML that knows the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A sequence from YAML that knows its own line and each item's line (1-based)."""

    line: int = 0
    item_lines: list[int]


# libyaml's parser when PyYAML was built with it: about 5x faster on a big intents.yaml, same marks.
_SafeBase: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[misc, valid-type]
    """A safe loader that keeps line numbers on mappings and sequences."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # Nine in ten nodes of intents.yaml are plain texts: hand them over without the generic machinery
        # (same value: a str scalar constructs to its text; an alias to one yields an equal string).
        if node.__class__ is yaml.ScalarNode and node.tag == _STR:
            return node.value
        return super().construct_object(node, deep)

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # libyaml asks for the tag of every scalar, half a million in a big intents.yaml. A quoted scalar, or a
        # plain one whose first character starts no implicit type (bool, int, null, ...), is a text: the same
        # answer as the generic resolver, without its lists and loops.
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers and (
                not implicit[0] or (value and value[0] not in self.yaml_implicit_resolvers
                                    and None not in self.yaml_implicit_resolvers)):
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


_STR = "tag:yaml.org,2002:str"


class _PureLineLoader(yaml.SafeLoader):
    """The pure-Python parser: used to report a syntax error, as its marks point closer to the mistake."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is yaml.ScalarNode and key_node.tag == _STR:
            key = key_node.value  # a text, as nearly every field name is: hashable
        else:
            key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str) and not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError("while constructing a mapping", node.start_mark,
                                                    "found a list or mapping used as a field name", key_node.start_mark)
        if key in result:  # YAML would keep only the last one, silently losing what the admin wrote first
            first = next(k for k, _ in node.value if loader.construct_object(k, deep=True) == key)
            raise yaml.constructor.ConstructorError("while constructing a mapping", first.start_mark,
                                                    f"found duplicate key '{key}'", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    # A text item is its value (as in `_LineLoader.construct_object`), taken here without a call per item.
    result = LineList([child.value if child.__class__ is yaml.ScalarNode and child.tag == _STR
                       else loader.construct_object(child, deep=True) for child in node.value])
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


for _loader in (_LineLoader, _PureLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


MAX_NESTING = 60  # brackets or indented levels; real files use under ten, and the parsers recurse per level


class NestingError(yaml.MarkedYAMLError):
    """Collections nested deeper than MAX_NESTING: refused before the parser recurses that deep."""


def load_yaml(text: str) -> Any:
    """Parse YAML safely, keeping line numbers. Raises yaml.YAMLError on bad syntax, on keys that are lists
    or mappings, and on nesting deeper than MAX_NESTING (which would exhaust the parser's recursion)."""
    _check_nesting(text)
    try:
        return yaml.load(text, Loader=_LineLoader)
    except RecursionError:
        raise _too_deep(text) from None
    except yaml.YAMLError:
        try:
            return yaml.load(text, Loader=_PureLineLoader)  # raises again, with the line an admin should look at
        except RecursionError:
            raise _too_deep(text) from None


def _too_deep(text: str) -> NestingError:
    """The parser ran out of recursion: name the most indented line, where the nesting is deepest."""
    lines = text.split("\n")
    deepest = max(range(len(lines)), key=lambda n: len(lines[n]) - len(lines[n].lstrip(" ")))
    return NestingError(problem=f"nested too deeply (more than {MAX_NESTING} levels)",
                        problem_mark=yaml.Mark("<yaml>", 0, deepest, 0, None, None))


_BRACKET = re.compile(r"[\[\]{}]")


def _check_nesting(text: str) -> None:
    """Refuse flow brackets (`[[[...`, `{a: {b: ...`) nested deeper than MAX_NESTING, naming the line. Only the
    lines holding a bracket are read (found by a regex: a 10,000-intent file in a few milliseconds), each
    skipping its quoted text and comments. Nesting by indentation alone ends in RecursionError, reported the
    same way by `load_yaml`."""
    depth, line, counted, done = 0, 0, 0, -1
    for found in _BRACKET.finditer(text):
        begin = text.rfind("\n", 0, found.start()) + 1
        if begin <= done:
            continue  # this bracket's line was read whole already
        line += text.count("\n", counted, begin)
        counted = begin
        stop = text.find("\n", begin)
        done = stop = len(text) if stop < 0 else stop
        depth = _line_depth(text, begin, stop, depth, line)


def _line_depth(text: str, begin: int, stop: int, depth: int, line: int) -> int:
    """The bracket depth after text[begin:stop] (one line), starting from `depth`; NestingError past the limit."""
    if (simple := _simple_depth(text[begin:stop], depth)) is not None:
        return simple
    quote, previous = "", "\n"
    for offset in range(begin, stop):
        char = text[offset]
        if quote:
            if char == quote and (quote != '"' or previous != "\\"):
                quote = ""
        elif char == "#" and previous in " \t\n":
            break  # a comment runs to the end of the line
        elif char in "'\"" and previous in " \t\n[{,:":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise NestingError(problem=f"brackets nested too deeply (more than {MAX_NESTING} levels)",
                                   problem_mark=_mark_at(text, offset, line))
        elif char in "]}":
            depth = max(0, depth - 1)
        previous = "\\" if char == "\\" and previous != "\\" else char
    return depth


_QUOTE_OR_COMMENT = re.compile(r"['\"#]")


def _simple_depth(line: str, depth: int) -> int | None:
    """`_line_depth` of a line with no quote and no comment (`follow_ups: [a, b]`), where only the brackets
    count: without a character-by-character walk. None when the line needs that walk (quotes, a comment, or
    nesting past the limit, which the walk reports with its place)."""
    if _QUOTE_OR_COMMENT.search(line):
        return None
    for bracket in _BRACKET.findall(line):
        if bracket in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return None
        else:
            depth = max(0, depth - 1)
    return depth


def _mark_at(text: str, offset: int, line: int | None = None) -> yaml.Mark:
    line = text.count("\n", 0, offset) if line is None else line
    return yaml.Mark("<yaml>", offset, line, offset - (text.rfind("\n", 0, offset) + 1), None, None)


def line_of(node: Any, key: str | None = None, default: int | None = None) -> int | None:
    """Line of `key` in a LineDict, or of the node itself."""
    if key is not None and isinstance(node, LineDict):
        return node.key_lines.get(key, node.line or default)
    return getattr(node, "line", None) or default


def item_line(seq: Any, index: int, default: int | None = None) -> int | None:
    """Line of item `index` of a LineList."""
    lines = getattr(seq, "item_lines", None)
    if lines and index < len(lines):
        return lines[index]
    return default


def syntax_error_line(error: yaml.YAMLError) -> int | None:
    """The 1-based line a YAML syntax error points at."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else None


@dataclass(frozen=True, slots=True)
class ListItems:
    """A top-level block list cut into its items, so each can be parsed (and cached) on its own."""

    header: str  # the file with the items' lines blanked: same line numbers, everything but the items
    items: tuple[tuple[int, str], ...]  # (0-based line where the item starts, the item's lines)


def split_block_list(text: str, key: str) -> ListItems | None:
    """Cut the block list under the top-level `key:` into its `- ` items, by indentation alone.

    None when the file is not in that plain shape (no such key, a flow list, tabs): the caller then parses
    the file whole. Anything this cut gets wrong (an alias to another item, a scalar running back to the
    left margin) makes an item or the header fail to parse, and the caller parses the file whole then too.
    """
    key_line = re.compile(rf"^{re.escape(key)}:[ \t]*(?:#.*)?\r?$", re.MULTILINE)
    if (found := key_line.search(text)) is None:
        return None
    if (bullet := _FIRST_CONTENT.search(text, found.end())) is None or bullet.group(1) is None:
        return None  # the first thing under the key is not a "- " item: a flow list, a mapping, ...
    indent, first = bullet.group(1), bullet.start()
    # The list ends at the first line back at (or left of) its margin that is not a "- " item.
    margin = re.compile(rf"^(?!{indent}-(?: |\r?$)) {{0,{len(indent)}}}[^ \t\r\n#]", re.MULTILINE)
    end = after.start() if (after := margin.search(text, first)) else len(text)
    if _TAB_INDENT.search(text, first, end):
        return None
    starts = [m.start() for m in re.compile(rf"^{indent}-(?: |\r?$)", re.MULTILINE).finditer(text, first, end)]
    items, line = [], text.count("\n", 0, first)
    for begin, stop in itertools.pairwise([*starts, end]):
        items.append((line, text[begin:stop].rstrip("\n")))
        line += text.count("\n", begin, stop)
    header = text[:first] + "\n" * text.count("\n", first, end) + text[end:]
    return ListItems(header, tuple(items))


_FIRST_CONTENT = re.compile(r"^(?:( *)-(?: |\r?$)|[ \t]*[^ \t\r\n#])", re.MULTILINE)  # group 1: a bullet's indent
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
