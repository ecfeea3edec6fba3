// A small Python syntax highlighter for the editor: no network, no dependency.
// It tokenizes the whole text with one sticky regular expression and wraps tokens in spans;
// everything else is HTML-escaped, so the output is safe to assign to innerHTML.
(function () {
  "use strict";

  const KEYWORDS = new Set(("False None True and as assert async await break class continue def del elif else " +
    "except finally for from global if import in is lambda nonlocal not or pass raise return try while with " +
    "yield match case").split(" "));
  const BUILTINS = new Set(("abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile " +
    "complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr " +
    "hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct " +
    "open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super " +
    "tuple type vars zip __import__ Exception BaseException ValueError TypeError KeyError IndexError " +
    "AttributeError RuntimeError StopIteration NotImplementedError NotImplemented Ellipsis").split(" "));

  // Order matters: comments and strings before anything that could start inside them.
  const TOKEN = new RegExp([
    "(#[^\\n]*)",                                                             // 1 comment
    "((?:[rRbBuUfF]{1,2})?(?:'''[\\s\\S]*?(?:'''|$(?![\\s\\S]))|\"\"\"[\\s\\S]*?(?:\"\"\"|$(?![\\s\\S]))" +
      "|'(?:\\\\.|[^'\\\\\\n])*'?|\"(?:\\\\.|[^\"\\\\\\n])*\"?))",                     // 2 string
    "(@[A-Za-z_][\\w.]*)",                                                    // 3 decorator
    "(\\b(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\\d[\\d_]*\\.?[\\d_]*|\\.\\d[\\d_]*)" +
      "(?:[eE][+-]?\\d+)?[jJ]?)\\b)",                                         // 4 number
    "([A-Za-z_][A-Za-z0-9_]*)",                                               // 5 name
    "([\\s\\S])"                                                              // 6 anything else
  ].join("|"), "gy");

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function span(kind, text) {
    return '<span class="tok-' + kind + '">' + escape(text) + "</span>";
  }

  function toHtml(source) {
    let html = "";
    let previousName = "";
    TOKEN.lastIndex = 0;
    let match;
    while (TOKEN.lastIndex < source.length && (match = TOKEN.exec(source)) !== null) {
      const [text, comment, string, decorator, number, name] = match;
      if (comment !== undefined) {
        html += span("comment", text);
      } else if (string !== undefined) {
        html += span("string", text);
      } else if (decorator !== undefined) {
        html += span("decorator", text);
      } else if (number !== undefined) {
        html += span("number", text);
      } else if (name !== undefined) {
        if (previousName === "def" || previousName === "class") {
          html += span("def", text);
        } else if (KEYWORDS.has(text)) {
          html += span("keyword", text);
        } else if (BUILTINS.has(text)) {
          html += span("builtin", text);
        } else if (text === "self" || text === "cls") {
          html += span("self", text);
        } else {
          html += escape(text);
        }
        previousName = text;
        continue;
      } else {
        html += escape(text);
        if (/\S/.test(text)) {
          previousName = "";
        }
        continue;
      }
      previousName = "";
    }
    // A trailing newline needs a line of its own in the <pre>, or the caret's last line is cut.
    return html + "\n";
  }

  window.PygradeHighlight = { toHtml: toHtml };
})();
