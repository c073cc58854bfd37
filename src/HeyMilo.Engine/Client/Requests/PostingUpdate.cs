using System.Collections;
using System.Linq;

namespace HeyMilo.Client.Requests
{
    /// <summary>An update-posting request (PATCH /api/v2/postings/{id}) as a confirmation prompt tells it.</summary>
    internal static class PostingUpdate
    {
        /// <summary>
        /// "Update title, deadline; replace all metadata with 2 keys (keys not given are removed)": metadata is the
        /// one field the API replaces whole, so the prompt says so.
        /// </summary>
        public static string Describe(RequestBody body)
        {
            var fields = body.Names.Where(n => n != "metadata").ToList();
            var text = fields.Count > 0 ? "Update " + string.Join(", ", fields) : string.Empty;
            if (body.Has("metadata"))
            {
                var count = (body.Get("metadata") as IDictionary)?.Count ?? 0;
                var replace = count == 0
                    ? "remove all metadata"
                    : $"replace all metadata with {count} key{(count == 1 ? "" : "s")} (keys not given are removed)";
                text = text.Length == 0 ? char.ToUpperInvariant(replace[0]) + replace.Substring(1) : text + "; " + replace;
            }
            return text;
        }
    }
}
