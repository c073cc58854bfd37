using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HeyMilo.Client
{
    /// <summary>
    /// A bounded window of fetches started in input order and handed back in that order: at most
    /// <c>limit</c> are in flight, the oldest is taken first. The caller drives it from one thread
    /// (start while not full, else take the head); disposing cancels what nobody will read.
    /// </summary>
    internal sealed class OrderedFetchWindow<TIn, TOut> : IDisposable
    {
        private readonly Queue<KeyValuePair<TIn, Task<TOut>>> _window = new Queue<KeyValuePair<TIn, Task<TOut>>>();
        private readonly Func<TIn, CancellationToken, Task<TOut>> _fetch;
        private readonly Func<IDisposable>? _context;
        private readonly CancellationTokenSource _stop;
        private readonly int _limit;

        /// <param name="fetch">Starts one fetch; it runs on the thread pool.</param>
        /// <param name="limit">Fetches in flight at most.</param>
        /// <param name="context">Entered around each start, e.g. the cmdlet's operation log, so the fetch's log lines reach it.</param>
        public OrderedFetchWindow(Func<TIn, CancellationToken, Task<TOut>> fetch, int limit, CancellationToken cancellation, Func<IDisposable>? context = null)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            _fetch = fetch;
            _limit = limit;
            _context = context;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        }

        public int Count => _window.Count;

        public bool IsFull => _window.Count >= _limit;

        /// <summary>Starts fetching <paramref name="item"/> (the window must not be full).</summary>
        public void Start(TIn item)
        {
            if (IsFull) throw new InvalidOperationException("The fetch window is full: take the head first.");
            var token = _stop.Token;
            using (_context?.Invoke())
            {
                _window.Enqueue(new KeyValuePair<TIn, Task<TOut>>(item, Task.Run(() => _fetch(item, token), token)));
            }
        }

        /// <summary>The oldest fetch and its input, removed from the window.</summary>
        public KeyValuePair<TIn, Task<TOut>> TakeHead() => _window.Dequeue();

        /// <summary>Early stop (Select-Object -First, Ctrl+C, an error): cancels the fetches left and observes their failures.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            foreach (var pending in _window)
                pending.Value.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            _window.Clear();
            _stop.Dispose();
        }
    }
}
