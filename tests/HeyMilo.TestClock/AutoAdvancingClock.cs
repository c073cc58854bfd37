using System;
using System.Collections.Generic;
using System.Threading;

namespace HeyMilo.TestClock
{
    /// <summary>
    /// Virtual time for tests. A one-shot timer of at most <see cref="AutoAdvanceLimit"/> — a retry
    /// delay, a rate-limit wait, a poll interval — fires at once and moves the clock forward by its
    /// due time, and the wait is recorded. Longer timers (request timeouts) never fire by themselves.
    /// So waits cost no real time, and tests assert exactly how long the module chose to wait.
    /// Public members use only BCL types so the tests can drive it through reflection.
    /// </summary>
    public sealed class AutoAdvancingClock : TimeProvider
    {
        private static readonly DateTimeOffset Epoch = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        private readonly object _sync = new object();
        private readonly List<TimeSpan> _waits = new List<TimeSpan>();
        private readonly List<(VirtualTimer Timer, int Generation, long DueTicks)> _longTimers = new List<(VirtualTimer, int, long)>();
        private long _ticks;

        public TimeSpan AutoAdvanceLimit { get; set; } = TimeSpan.FromSeconds(90);

        public override DateTimeOffset GetUtcNow() => Epoch + TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public TimeSpan[] Waits()
        {
            lock (_sync) return _waits.ToArray();
        }

        public void ClearWaits()
        {
            lock (_sync) _waits.Clear();
        }

        /// <summary>
        /// Moves the clock forward and fires the long timers (those over <see cref="AutoAdvanceLimit"/>)
        /// that are now due and still armed as they were.
        /// </summary>
        public void Advance(TimeSpan by)
        {
            var now = Interlocked.Add(ref _ticks, by.Ticks);
            List<VirtualTimer> due;
            lock (_sync)
            {
                due = new List<VirtualTimer>();
                _longTimers.RemoveAll(t =>
                {
                    if (!t.Timer.IsArmed(t.Generation)) return true;
                    if (t.DueTicks > now) return false;
                    due.Add(t.Timer);
                    return true;
                });
            }
            foreach (var timer in due) ThreadPool.QueueUserWorkItem(_ => timer.Fire());
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new VirtualTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        private void Schedule(VirtualTimer timer, int generation, TimeSpan due)
        {
            if (due == Timeout.InfiniteTimeSpan) return;
            if (due > AutoAdvanceLimit)
            {
                lock (_sync) _longTimers.Add((timer, generation, Interlocked.Read(ref _ticks) + due.Ticks));
                return;
            }
            if (due > TimeSpan.Zero)
            {
                lock (_sync) _waits.Add(due);
                Interlocked.Add(ref _ticks, due.Ticks);
            }
            ThreadPool.QueueUserWorkItem(_ => timer.Fire());
        }

        private sealed class VirtualTimer : ITimer
        {
            private readonly AutoAdvancingClock _clock;
            private readonly TimerCallback _callback;
            private readonly object? _state;
            private int _generation;
            private int _firedGeneration = -1;

            public VirtualTimer(AutoAdvancingClock clock, TimerCallback callback, object? state)
            {
                _clock = clock;
                _callback = callback;
                _state = state;
            }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                var generation = Interlocked.Increment(ref _generation);
                _ = period; // periodic timers fire once here; the module uses one-shot timers only
                _clock.Schedule(this, generation, dueTime);
                return generation > 0;
            }

            /// <summary>Not disposed and not re-armed since <paramref name="generation"/>.</summary>
            public bool IsArmed(int generation) => Volatile.Read(ref _generation) == generation;

            public void Fire()
            {
                var generation = Volatile.Read(ref _generation);
                if (Interlocked.Exchange(ref _firedGeneration, generation) == generation) return;
                if (generation < 0) return;
                _callback(_state);
            }

            public void Dispose() => Interlocked.Exchange(ref _generation, int.MinValue);

            public System.Threading.Tasks.ValueTask DisposeAsync()
            {
                Dispose();
                return default;
            }
        }
    }
}
