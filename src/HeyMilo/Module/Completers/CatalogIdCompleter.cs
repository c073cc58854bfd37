using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client;

namespace HeyMilo.Module.Completers
{
    /// <summary>
    /// Completes an id of the workspace catalog: inserts the id, shows the name (a phone number's number, a
    /// sender's address, a domain's name) and matches the typed prefix on either. Offers the first page (up
    /// to 100) of the family, cached per session like every <see cref="SessionCompleter"/>.
    /// </summary>
    public abstract class CatalogIdCompleter : SessionCompleter
    {
        internal abstract CatalogFamily Family { get; }

        internal override async Task<List<CompletionItem>> FetchAsync(MiloSession session, CancellationToken ct)
        {
            var choices = await Family.ChoicesAsync(session.Client, ct).ConfigureAwait(false);
            var items = new List<CompletionItem>(choices.Count);
            foreach (var choice in choices)
                items.Add(new CompletionItem(choice.Id, choice.Name, choice.Name ?? choice.Id, choice.Description));
            return items;
        }
    }

    /// <summary>-TemplateId of Get-MiloEmailTemplate: email templates by name.</summary>
    public sealed class EmailTemplateIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.EmailTemplates;
    }

    /// <summary>-EmailTemplateGroupId (and Get-MiloEmailTemplateGroup -GroupId): email template groups by name.</summary>
    public sealed class EmailTemplateGroupIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.EmailTemplateGroups;
    }

    /// <summary>-TemplateId of Get-MiloDesignTemplate: design templates by name.</summary>
    public sealed class DesignTemplateIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.DesignTemplates;
    }

    /// <summary>-DesignTemplateGroupId (and Get-MiloDesignTemplateGroup -GroupId): brand kits by name.</summary>
    public sealed class DesignTemplateGroupIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.DesignTemplateGroups;
    }

    /// <summary>-InterviewTemplateId (and Get-MiloInterviewTemplate -TemplateId): interview templates by name.</summary>
    public sealed class InterviewTemplateIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.InterviewTemplates;
    }

    /// <summary>-DomainId: custom domains by domain name.</summary>
    public sealed class DomainIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.Domains;
    }

    /// <summary>-VoiceId: voices by name, with language, gender and provider in the tool tip.</summary>
    public sealed class VoiceIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.Voices;
    }

    /// <summary>-PhoneNumberId: phone numbers by number (they have no name).</summary>
    public sealed class PhoneNumberIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.PhoneNumbers;
    }

    /// <summary>-SenderEmailId: sender emails by address (they have no name).</summary>
    public sealed class SenderEmailIdCompleter : CatalogIdCompleter
    {
        internal override CatalogFamily Family => CatalogFamilies.SenderEmails;
    }
}
