package dev.pygrade.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small Python tokenizer for similarity, not for running code: it reads source as a stream
 * of tokens and normalises it so that renaming, retyping literals and re-laying out code change
 * nothing. Every identifier becomes {@code N}, every literal (number, string, f-string, bytes,
 * True, False, None) becomes {@code L}; keywords and operators are kept; comments, whitespace,
 * line breaks and indentation are dropped. Text it cannot read (an unclosed string) is taken as
 * one literal to the end of its line, so any text tokenizes.
 */
public final class PythonTokens {
    public static final String NAME = "N";
    public static final String LITERAL = "L";

    private static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
            "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield");
    private static final Set<String> LITERAL_NAMES = Set.of("True", "False", "None");
    /** Longest first, so that "**=" is not read as "**" and "=". */
    private static final List<String> OPERATORS = List.of("**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=",
            "<=", ">=", "**", "//", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=");
    private static final String STRING_PREFIX = "rRbBuUfF";

    private PythonTokens() {
    }

    /** The normalised tokens of {@code source}, in order. */
    public static List<String> normalised(String source) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (c == '#') {
                i = lineEnd(source, i);
            } else if (Character.isWhitespace(c) || c == '\\') {
                i++;
            } else if (startsString(source, i)) {
                i = stringEnd(source, i);
                tokens.add(LITERAL);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(source.charAt(i + 1)))) {
                i = numberEnd(source, i);
                tokens.add(LITERAL);
            } else if (Character.isLetter(c) || c == '_' || Character.isUnicodeIdentifierStart(c)) {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_'
                        || Character.isUnicodeIdentifierPart(source.charAt(end)))) {
                    end++;
                }
                String word = source.substring(i, end);
                tokens.add(KEYWORDS.contains(word) ? word : LITERAL_NAMES.contains(word) ? LITERAL : NAME);
                i = end;
            } else {
                int at = i;
                String operator = OPERATORS.stream().filter(op -> source.startsWith(op, at)).findFirst()
                        .orElse(String.valueOf(c));
                tokens.add(operator);
                i += operator.length();
            }
        }
        return tokens;
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    /** A quote, or up to two prefix letters (rb, f, u...) and then a quote. */
    private static boolean startsString(String source, int at) {
        int i = at;
        while (i < source.length() && i - at < 2 && STRING_PREFIX.indexOf(source.charAt(i)) >= 0) {
            i++;
        }
        if (i >= source.length()) {
            return false;
        }
        char quote = source.charAt(i);
        if (quote != '\'' && quote != '"') {
            return false;
        }
        // "rb'x'" is a string, "name'" is not: the prefix must not be the tail of a longer name
        return at == 0 || !(Character.isLetterOrDigit(source.charAt(at - 1)) || source.charAt(at - 1) == '_');
    }

    private static int stringEnd(String source, int at) {
        int i = at;
        while (source.charAt(i) != '\'' && source.charAt(i) != '"') {
            i++;
        }
        char quote = source.charAt(i);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), i);
        String close = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        i += close.length();
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (source.startsWith(close, i)) {
                return i + close.length();
            } else if (c == '\n' && !triple) {
                return i; // unclosed: the literal ends with its line
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static int numberEnd(String source, int at) {
        int i = at;
        while (i < source.length()) {
            char c = source.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && i > at
                    && (source.charAt(i - 1) == 'e' || source.charAt(i - 1) == 'E')
                    && !source.substring(at, i).toLowerCase(java.util.Locale.ROOT).startsWith("0x");
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
