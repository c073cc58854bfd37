using System;
using System.Collections.Generic;
using System.Linq;

namespace HeyMilo
{
    /// <summary>What went wrong with an API call, independent of HTTP details.</summary>
    public enum MiloFailureKind
    {
        HttpError,
        Network,
        Timeout,
        InvalidResponse,
        /// <summary>The API's rate limit asked for a pause longer than the session waits; nothing was sent.</summary>
        RateLimited,
    }
}
