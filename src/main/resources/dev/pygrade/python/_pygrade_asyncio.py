"""A socket-free asyncio event loop with a virtual clock, for the sandbox.

asyncio's default loop needs a self-pipe made of sockets, and sockets are denied.
This loop keeps asyncio's own scheduling (BaseEventLoop) and replaces the selector
with a clock: when nothing is ready, select(timeout) advances virtual time by
exactly the time to the next timer, at once. So asyncio.sleep(1) takes no real
time, loop.time() is exact, and N concurrent one-second sleeps end at t = 1.0,
while N sequential ones end at t = N: checks can prove concurrency without timing.

Callbacks scheduled from other threads (run_in_executor, call_soon_threadsafe)
wake the loop through a condition variable instead of a socket.
"""

import asyncio
import asyncio.base_events
import asyncio.events
import threading


class _VirtualSelector:
    """Stands where the selector would: waits for threads, or advances the clock."""

    def __init__(self, loop):
        self._loop = loop
        self._wakeup = threading.Condition()
        self._woken = False

    def wake(self):
        with self._wakeup:
            self._woken = True
            self._wakeup.notify_all()

    def select(self, timeout):
        with self._wakeup:
            if self._woken:
                self._woken = False
                return []
            if timeout is None or self._loop._executor_busy():
                # Nothing scheduled: only another thread can make progress. The check's
                # wall-clock limit ends a loop that waits forever.
                self._wakeup.wait(None if timeout is None else 0.05)
                self._woken = False
                return []
        if timeout > 0:
            self._loop._virtual_now += timeout
        return []

    def close(self):
        pass


class VirtualTimeLoop(asyncio.base_events.BaseEventLoop):
    """asyncio's BaseEventLoop, with time that passes only when nothing is ready."""

    def __init__(self):
        self._virtual_now = 0.0
        self._pending_threads = 0
        super().__init__()
        self._selector = _VirtualSelector(self)
        self._clock_resolution = 1e-9

    def time(self):
        return self._virtual_now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        self._selector.wake()

    def _executor_busy(self):
        executor = self._default_executor
        if executor is None:
            return False
        work = getattr(executor, "_work_queue", None)
        threads = getattr(executor, "_threads", ())
        idle = getattr(executor, "_idle_semaphore", None)
        busy = work is not None and not work.empty()
        if idle is not None and threads:
            busy = busy or idle._value < len(threads)
        return busy

    def close(self):
        super().close()
        self._selector.close()


class VirtualTimePolicy(asyncio.events.BaseDefaultEventLoopPolicy):
    _loop_factory = VirtualTimeLoop


def install():
    """Makes asyncio.run, asyncio.new_event_loop and get_event_loop use VirtualTimeLoop."""
    asyncio.set_event_loop_policy(VirtualTimePolicy())
