using System;
using System.Globalization;
using System.Management.Automation;
using HeyMilo.Diagnostics;

namespace HeyMilo.Module
{
    /// <summary>
    /// A progress bar that updates at most twice a second (timed by <see cref="ModuleClock"/>) and
    /// always ends with a Completed record. Pipeline thread only.
    /// </summary>
    internal sealed class ThrottledProgress
    {
        private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(500);
        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly int _parentActivityId;
        private long _lastWrite;
        private bool _written;
        private bool _completed;
        /// <summary>The latest update the throttle held back, shown by <see cref="Flush"/> (built when shown).</summary>
        private Func<ProgressRecord>? _held;

        /// <param name="parentActivityId">The bar this one is nested in, or -1.</param>
        public ThrottledProgress(Cmdlet cmdlet, int activityId, string activity, int parentActivityId = -1)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
            _parentActivityId = parentActivityId;
            (cmdlet as MiloCmdlet)?.Track(this);
        }

        /// <summary>Reports <paramref name="done"/> items (of <paramref name="total"/> when known), unless the last update was under 0.5 s ago.</summary>
        public void Report(long done, long? total, string noun) => Write(() =>
        {
            var status = total is long t && t > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} of {1} {2}", done, t, noun)
                : string.Format(CultureInfo.InvariantCulture, "{0} {1}", done, noun);
            var record = new ProgressRecord(_activityId, _activity, status) { ParentActivityId = _parentActivityId };
            if (total is long all && all > 0) record.PercentComplete = (int)Math.Min(100, done * 100 / all);
            return record;
        });

        /// <summary>
        /// A bar over a few long steps (postings of one call): "posting 2 of 3: id", written at every step,
        /// since each step takes at least one request and so the bar cannot flood the host.
        /// </summary>
        public void Step(int index, int count, string noun, string detail)
        {
            _lastWrite = ModuleClock.Current.GetTimestamp();
            _written = true;
            _completed = false;
            var status = string.Format(CultureInfo.InvariantCulture, "{0} {1} of {2}: {3}", noun, index + 1, count, detail);
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { ParentActivityId = _parentActivityId, PercentComplete = count > 0 ? index * 100 / count : 0 });
        }

        /// <summary>Reports a status line without a count, unless the last update was under 0.5 s ago.</summary>
        public void Report(string status) => ReportStatus(status, -1);

        /// <summary>Reports a status of the caller's own wording, built only when it is shown, unless the last update was under 0.5 s ago.</summary>
        public void Report(Func<string> status) =>
            Write(() => new ProgressRecord(_activityId, _activity, status()) { ParentActivityId = _parentActivityId });

        /// <summary>
        /// Shows the update the throttle last held back, if any: called when a wait begins and while it lasts, so a bar
        /// does not stand at "Sent 1" through a 60 s pause after 299 rows went within the same half second.
        /// </summary>
        public void Flush()
        {
            var held = _held;
            _held = null;
            if (held is null || _completed) return;
            MarkWritten();
            _cmdlet.WriteProgress(held());
        }

        private void Write(Func<ProgressRecord> record)
        {
            if (!Due())
            {
                _held = record;
                return;
            }
            _held = null;
            _cmdlet.WriteProgress(record());
        }

        /// <summary>Reports a free-form status (a countdown), unless the last update was under 0.5 s ago (or <paramref name="force"/>).</summary>
        public void ReportStatus(string status, int secondsRemaining, bool force = false)
        {
            if (!force && _written && !_completed && !Due()) return;
            MarkWritten();
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { ParentActivityId = _parentActivityId, SecondsRemaining = secondsRemaining });
        }

        /// <summary>Ends the bar (idempotent), with "Done" or the caller's last status.</summary>
        public void Complete(string status = "Done")
        {
            if (_completed) return;
            _completed = true;
            _held = null;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { RecordType = ProgressRecordType.Completed, ParentActivityId = _parentActivityId });
        }

        private bool Due()
        {
            var clock = ModuleClock.Current;
            if (_written && clock.GetElapsedTime(_lastWrite, clock.GetTimestamp()) < s_interval) return false;
            MarkWritten();
            return true;
        }

        private void MarkWritten()
        {
            _lastWrite = ModuleClock.Current.GetTimestamp();
            _written = true;
            _completed = false;
        }

        /// <summary>For finally blocks: ends the bar unless the pipeline is already gone.</summary>
        public void CompleteQuietly(string status = "Done")
        {
            try
            {
                Complete(status);
            }
            catch (PipelineStoppedException)
            {
            }
        }
    }
}
