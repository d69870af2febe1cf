namespace Billing.BankFiles.Camt;

/// <summary>
/// Collects RltdPties and RltdAgts of one TxDtls into <see cref="RelatedParty"/> objects: Dbtr + DbtrAcct + DbtrAgt
/// make the Debtor, and so on. From .08 a party may be wrapped in Pty (or be an Agt); both shapes are read. One
/// instance serves every transaction of a file: <see cref="Clear"/> starts the next one.
/// </summary>
internal sealed class PartyDrafts
{
    private readonly List<Draft> _drafts = [];

    public void Clear() => _drafts.Clear();

    public void ReadParty(XmlCursor cursor)
    {
        var element = cursor.Name;
        switch (element)
        {
            case "Dbtr" or "Cdtr" or "UltmtDbtr" or "UltmtCdtr" or "InitgPty":
                ReadPartyBody(cursor, Get(RoleOf(element)));
                break;
            case "DbtrAcct":
                ReadAccount(cursor, Get("Debtor"));
                break;
            case "CdtrAcct":
                ReadAccount(cursor, Get("Creditor"));
                break;
            case "UltmtDbtrAcct":
                ReadAccount(cursor, Get("UltimateDebtor"));
                break;
            case "UltmtCdtrAcct":
                ReadAccount(cursor, Get("UltimateCreditor"));
                break;
        }
    }

    public void ReadAgent(XmlCursor cursor)
    {
        var role = cursor.Name switch
        {
            "DbtrAgt" => "Debtor",
            "CdtrAgt" => "Creditor",
            _ => null,
        };
        if (role is null)
        {
            return;
        }

        var draft = Get(role);
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name == "FinInstnId")
            {
                ReadInstitution(cursor, draft);
            }
        }
    }

    /// <summary>Adds one <see cref="RelatedParty"/> per role seen, in the order the roles first appeared.</summary>
    public void BuildInto(List<RelatedParty> parties)
    {
        foreach (var d in _drafts)
        {
            parties.Add(new RelatedParty
            {
                Role = d.Role,
                Name = d.Name,
                Iban = d.Iban,
                OtherAccountId = d.OtherId,
                Bic = d.Bic,
                AgentName = d.AgentName,
                AddressLines = (IReadOnlyList<string>?)d.AddressLines ?? [],
                StreetName = d.Street,
                BuildingNumber = d.Building,
                PostCode = d.PostCode,
                TownName = d.Town,
                Country = d.Country,
                Identification = d.Identification,
            });
        }
    }

    private static string RoleOf(string element) => element switch
    {
        "Dbtr" => "Debtor",
        "Cdtr" => "Creditor",
        "UltmtDbtr" => "UltimateDebtor",
        "UltmtCdtr" => "UltimateCreditor",
        _ => "InitiatingParty",
    };

    private Draft Get(string role)
    {
        foreach (var d in _drafts)
        {
            if (d.Role == role)
            {
                return d;
            }
        }

        var draft = new Draft(role);
        _drafts.Add(draft);
        return draft;
    }

    private static void ReadPartyBody(XmlCursor cursor, Draft draft)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "Pty":
                    ReadPartyBody(cursor, draft);
                    break;
                case "Agt":
                    var agent = cursor.Enter();
                    while (cursor.NextChild(agent))
                    {
                        if (cursor.Name == "FinInstnId")
                        {
                            ReadInstitution(cursor, draft);
                        }
                    }

                    // From .08 a party may be a financial institution (Pty or Agt): its name is the party's name.
                    draft.Name ??= draft.AgentName;
                    break;
                case "Nm":
                    draft.Name = cursor.ReadText();
                    break;
                case "PstlAdr":
                    ReadAddress(cursor, draft);
                    break;
                case "Id":
                    ReadIdentification(cursor, draft);
                    break;
            }
        }
    }

    private static void ReadIdentification(XmlCursor cursor, Draft draft)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name is "AnyBIC" or "BICOrBEI")
            {
                draft.Identification ??= cursor.ReadText();
                continue;
            }

            // OrgId / PrvtId: the first Othr/Id is the identification (e.g. a SEPA creditor id).
            var id = cursor.Enter();
            while (cursor.NextChild(id))
            {
                if (cursor.Name is "AnyBIC" or "BICOrBEI")
                {
                    draft.Identification ??= cursor.ReadText();
                }
                else if (cursor.Name == "Othr")
                {
                    var other = cursor.Enter();
                    while (cursor.NextChild(other))
                    {
                        if (cursor.Name == "Id")
                        {
                            draft.Identification ??= cursor.ReadText();
                        }
                    }
                }
            }
        }
    }

    private static void ReadAddress(XmlCursor cursor, Draft draft)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "AdrLine":
                    (draft.AddressLines ??= []).Add(cursor.ReadText());
                    break;
                case "StrtNm":
                    draft.Street = cursor.ReadText();
                    break;
                case "BldgNb":
                    draft.Building = cursor.ReadText();
                    break;
                case "PstCd":
                    draft.PostCode = cursor.ReadText();
                    break;
                case "TwnNm":
                    draft.Town = cursor.ReadText();
                    break;
                case "Ctry":
                    draft.Country = cursor.ReadText();
                    break;
            }
        }
    }

    private static void ReadAccount(XmlCursor cursor, Draft draft)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name != "Id")
            {
                continue;
            }

            var id = cursor.Enter();
            while (cursor.NextChild(id))
            {
                if (cursor.Name == "IBAN")
                {
                    draft.Iban = cursor.ReadText();
                }
                else if (cursor.Name == "Othr")
                {
                    var other = cursor.Enter();
                    while (cursor.NextChild(other))
                    {
                        if (cursor.Name == "Id")
                        {
                            draft.OtherId = cursor.ReadText();
                        }
                    }
                }
            }
        }
    }

    private static void ReadInstitution(XmlCursor cursor, Draft draft)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "BIC" or "BICFI":
                    draft.Bic = cursor.ReadText();
                    break;
                case "Nm":
                    draft.AgentName = cursor.ReadText();
                    break;
            }
        }
    }

    private sealed class Draft(string role)
    {
        public string Role { get; } = role;

        public string? Name { get; set; }

        public string? Iban { get; set; }

        public string? OtherId { get; set; }

        public string? Bic { get; set; }

        public string? AgentName { get; set; }

        public List<string>? AddressLines { get; set; }

        public string? Street { get; set; }

        public string? Building { get; set; }

        public string? PostCode { get; set; }

        public string? Town { get; set; }

        public string? Country { get; set; }

        public string? Identification { get; set; }
    }
}
