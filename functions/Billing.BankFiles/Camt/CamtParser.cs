using System.Xml;

namespace Billing.BankFiles.Camt;

/// <summary>
/// Streams ISO 20022 camt.052/053/054 documents with an <see cref="XmlReader"/> (DTDs prohibited, no resolver,
/// bounded depth and text). One <see cref="BankStatement"/> per Stmt/Rpt/Ntfctn; entries are produced one Ntry at a
/// time. Balances: OPBD (else PRCD) is the opening, CLBD the closing, CLAV the available and the last FWAV (the furthest
/// date) the forward available balance.
/// </summary>
internal sealed class CamtParser
{
    private readonly Stream _stream;
    private readonly BankFileReaderOptions _options;
    private XmlCursor _cursor = null!;
    private BankFileFormat _format;
    private string? _version;
    private string? _messageId;
    private DateTimeOffset? _messageCreated;
    private readonly List<string> _warnings = [];

    public CamtParser(Stream stream, BankFileReaderOptions options)
    {
        _stream = stream;
        _options = options;
    }

    public IEnumerable<BankFileEvent> Parse()
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
            CloseInput = false,
        };
        var limited = new XmlTokenLimitStream(_stream, _options.MaxXmlTokenLength);
        settings.NameTable = new BoundedNameTable(_options.MaxXmlNameCharacters, () => $"near line {limited.Line}");
        using var reader = XmlReader.Create(limited, settings);
        _cursor = new XmlCursor(reader, _options);
        MoveToElement();
        if (reader.LocalName != "Document")
        {
            throw new BankFileFormatException(_cursor.Position, $"expected the ISO 20022 <Document> root element, found <{reader.LocalName}>");
        }

        _version = CamtVersion.Recognise(reader.NamespaceURI, out _format)
            ?? throw new BankFileFormatException(_cursor.Position, $"unsupported namespace \"{reader.NamespaceURI}\": expected urn:iso:std:iso:20022:tech:xsd:camt.052/053/054.001.01 to .001.13");
        if (reader.IsEmptyElement)
        {
            throw new BankFileFormatException(_cursor.Position, "expected BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn inside <Document>");
        }

        MoveToElement();
        var (statementName, kind) = reader.LocalName switch
        {
            "BkToCstmrStmt" or "BkToCstmrStmtV01" => ("Stmt", StatementKind.Statement),
            "BkToCstmrAcctRpt" or "BkToCstmrAcctRptV01" => ("Rpt", StatementKind.Report),
            "BkToCstmrDbtCdtNtfctn" or "BkToCstmrDbtCdtNtfctnV01" => ("Ntfctn", StatementKind.Notification),
            _ => throw new BankFileFormatException(_cursor.Position, $"expected BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn, found <{reader.LocalName}>"),
        };

        yield return new BankFileEvent.FileStarted(_format, _version);
        var messageDepth = reader.Depth;
        var statements = 0;
        while (_cursor.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == messageDepth)
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element || reader.Depth != messageDepth + 1)
            {
                continue;
            }

            if (reader.LocalName == "GrpHdr")
            {
                ReadGroupHeader();
            }
            else if (reader.LocalName == statementName)
            {
                statements++;
                foreach (var e in ReadStatement(kind))
                {
                    yield return e;
                }
            }
            else
            {
                _cursor.Skip();
            }
        }

        if (statements == 0)
        {
            throw new BankFileFormatException(_cursor.Position, $"expected at least one <{statementName}>");
        }

        while (_cursor.Read())
        {
            // Reads to the end so that a truncated or malformed tail is reported.
        }

        yield return new BankFileEvent.FileCompleted(_format, _version, [.. _cursor.Warnings, .. _warnings]);
    }

    private void MoveToElement()
    {
        while (_cursor.Read())
        {
            if (_cursor.Reader.NodeType == XmlNodeType.Element)
            {
                return;
            }
        }

        throw new BankFileFormatException(_cursor.Position, "expected an XML element, found the end of the document");
    }

    private void ReadGroupHeader()
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            switch (_cursor.Name)
            {
                case "MsgId":
                    _messageId = _cursor.ReadText();
                    break;
                case "CreDtTm":
                    _messageCreated = _cursor.ReadDateTime();
                    break;
            }
        }
    }

    private IEnumerable<BankFileEvent> ReadStatement(StatementKind kind)
    {
        var reader = _cursor.Reader;
        var statement = new BankStatement { Kind = kind, MessageId = _messageId, CreationTime = _messageCreated };
        var announced = false;
        if (reader.IsEmptyElement)
        {
            throw new BankFileFormatException(_cursor.Position, "expected statement content");
        }

        var depth = reader.Depth;
        var entries = new CamtEntryReader(_cursor);
        var summary = new CamtTransactionSummary();
        while (_cursor.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "Id":
                    statement.StatementId = _cursor.ReadText();
                    break;
                case "ElctrncSeqNb":
                    statement.SequenceNumber = _cursor.ReadText();
                    break;
                case "LglSeqNb":
                    statement.StatementNumber = _cursor.ReadText();
                    break;
                case "CreDtTm":
                    statement.CreationTime = _cursor.ReadDateTime();
                    break;
                case "FrToDt":
                    ReadPeriod(statement);
                    break;
                case "Acct":
                    CamtAccount.Read(_cursor, statement);
                    break;
                case "Bal":
                    AddBalance(statement, CamtBalance.Read(_cursor));
                    break;
                case "Ntry":
                    // The entry is read before the statement is announced: a statement without Acct/Ccy or balances takes
                    // its currency from the first entry, and the announcement must carry it.
                    var entry = entries.Read();
                    statement.Currency ??= entry.Currency;
                    summary.Add(entry);
                    if (!announced)
                    {
                        announced = true;
                        yield return new BankFileEvent.StatementStarted(_format, statement);
                    }

                    yield return new BankFileEvent.EntryRead(_format, statement, entry);
                    break;
                case "TxsSummry":
                    summary.ReadStated(_cursor);
                    break;
                case "AddtlStmtInf" or "AddtlRptInf" or "AddtlNtfctnInf":
                    statement.AdditionalInfo = _cursor.ReadText();
                    break;
                default:
                    _cursor.Skip();
                    break;
            }
        }

        if (!announced)
        {
            yield return new BankFileEvent.StatementStarted(_format, statement);
        }

        summary.Check(_options.RequireStatedTotals, _warnings);

        yield return new BankFileEvent.StatementCompleted(_format, statement);
    }

    private void ReadPeriod(BankStatement statement)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            switch (_cursor.Name)
            {
                case "FrDtTm":
                    statement.FromTime = _cursor.ReadDateTime();
                    break;
                case "ToDtTm":
                    statement.ToTime = _cursor.ReadDateTime();
                    break;
            }
        }
    }

    private static void AddBalance(BankStatement statement, Balance balance)
    {
        statement._balances.Add(balance);
        statement.Currency ??= balance.Currency.Length > 0 ? balance.Currency : null;
        switch (balance.Type)
        {
            case "OPBD":
                statement.OpeningBalance = balance;
                break;
            case "PRCD":
                statement.OpeningBalance ??= balance;
                break;
            case "CLBD":
                statement.ClosingBalance = balance;
                break;
            case "CLAV":
                statement.AvailableBalance = balance;
                break;
            case "FWAV":
                statement.ForwardAvailableBalance = balance;
                break;
        }
    }
}
