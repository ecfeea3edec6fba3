package dev.pygrade.sandbox;

import java.util.List;

/** An exception raised by candidate code, with only the candidate's own frames. */
public record ExceptionInfo(String type, String message, List<Frame> frames) {
    public ExceptionInfo {
        frames = List.copyOf(frames);
    }

    /** One line of the candidate's traceback. */
    public record Frame(String file, int line, String function, String source) {
    }

    /** "TypeError: unsupported operand (my_answer.py, line 4)". */
    public String summary() {
        String text = message.isEmpty() ? type : type + ": " + message;
        if (!frames.isEmpty()) {
            Frame last = frames.get(frames.size() - 1);
            text += " (" + last.file() + ", line " + last.line() + ")";
        }
        return text;
    }
}
