using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace HeyMilo.Module
{
    /// <summary>
    /// The outcomes of piped inputs written in input order while up to <c>limit</c> of their requests are in
    /// flight (Set-MiloInterviewMetadata): each input adds its request (or null, for an error or warning found
    /// before sending) and how to write its outcome. What is ready at the head is written at once; a full window
    /// waits for its head. Pipeline thread only.
    /// </summary>
    internal sealed class InputOrderWindow
    {
        private readonly Queue<KeyValuePair<Task?, Action>> _queue = new Queue<KeyValuePair<Task?, Action>>();
        private readonly int _limit;
        private readonly Action _written;

        /// <param name="written">Runs after each outcome is written (progress).</param>
        public InputOrderWindow(int limit, Action written)
        {
            _limit = limit;
            _written = written;
        }

        /// <param name="request">The input's request in flight; null when its outcome is known already.</param>
        /// <param name="write">Writes the outcome (waiting for the request, on the pipeline thread).</param>
        public void Add(Task? request, Action write)
        {
            // If nobody reads it (the pipeline stops early), its failure must not go unobserved.
            request?.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            _queue.Enqueue(new KeyValuePair<Task?, Action>(request, write));
            while (_queue.Count > 0 && (_queue.Peek().Key?.IsCompleted ?? true)) WriteHead();
            while (_queue.Count >= _limit) WriteHead();
        }

        /// <summary>Writes every outcome left, oldest first.</summary>
        public void Drain()
        {
            while (_queue.Count > 0) WriteHead();
        }

        private void WriteHead()
        {
            _queue.Dequeue().Value();
            _written();
        }
    }
}
