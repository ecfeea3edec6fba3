import profile
import pstats


def top_calls(func, *args, n=3):
    # cProfile's stats cannot be read by pstats on GraalPy; profile has the same interface.
    profiler = profile.Profile()
    profiler.runcall(func, *args)
    stats = pstats.Stats(profiler).stats
    counts = {}
    for (filename, line, name), (primitive, total, *_rest) in stats.items():
        counts[name] = counts.get(name, 0) + total
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:n]
