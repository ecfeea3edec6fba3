def count_lines(stream):
    count = 0
    for _ in stream:  # one line at a time, never the whole file
        count += 1
    return count


def longest_line(stream):
    best = ""
    for line in stream:
        if line.endswith("\n"):
            line = line[:-1]
        if len(line) > len(best):
            best = line
    return best
