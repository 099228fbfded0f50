import CLibXML2

/// An XML document parsed by libxml2 with everything that can reach outside
/// the bytes, or blow up inside them, turned off.
///
/// Feeds come from anywhere, so the parse is locked down:
/// - no `XML_PARSE_NOENT` (entities are not substituted), no `XML_PARSE_DTDLOAD`
///   or `DTDVALID` (no external DTD is read), `XML_PARSE_NONET` (no network),
///   no `XML_PARSE_HUGE` (libxml2's size and depth limits stay on);
/// - any entity declaration in the DOCTYPE stops the parse and the document is
///   refused (``InputFormatError/entityDeclaration(origin:line:name:)``). The check is
///   a SAX hook on the parser itself, not a scan of the bytes, so it holds in
///   any encoding and is not fooled by `<!ENTITY` inside a CDATA section of an
///   article about XXE. Feeds have no use for entity declarations; refusing
///   them rules out XXE (`SYSTEM "file:///etc/passwd"`) and entity expansion
///   ("billion laughs") before anything is expanded or fetched;
/// - libxml2's error printing is off; the first error becomes
///   ``InputFormatError/invalidXML(origin:line:reason:)``.
///
/// The document is freed when this object goes away.
final class SafeXMLDocument {
    let document: xmlDocPtr

    private init(document: xmlDocPtr) {
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The root element, if any.
    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// Parses `bytes` (any encoding libxml2 detects from the BOM or XML declaration).
    static func parse(_ bytes: [UInt8], origin: String) throws(InputFormatError) -> SafeXMLDocument {
        guard !bytes.isEmpty else { throw .empty(origin: origin) }
        guard bytes.count <= Int(Int32.max) else {
            throw .invalidXML(origin: origin, line: 0, reason: "the document is larger than 2 GiB")
        }
        _ = libxml2Initialized
        silenceLibXML2OnThisThread()
        guard let context = xmlNewParserCtxt(), let sax = context.pointee.sax else {
            throw .invalidXML(origin: origin, line: 0, reason: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        sax.pointee.entityDecl = refuseEntityDeclaration
        sax.pointee.unparsedEntityDecl = refuseUnparsedEntityDeclaration
        // Without DTDLOAD libxml2 does not read an external subset anyway
        // (`<!DOCTYPE rss SYSTEM "http://…/rss-0.91.dtd">` is common); make sure.
        sax.pointee.externalSubset = nil
        sax.pointee.serror = { _, _ in }

        // NOCDATA: CDATA sections arrive as text (the reader handles both anyway).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let guardBox = EntityGuard()
        context.pointee._private = Unmanaged.passUnretained(guardBox).toOpaque()
        let parsed: xmlDocPtr? = withExtendedLifetime(guardBox) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, nil, options)
                    }
                }
            }
        }
        context.pointee._private = nil

        // The hook stops the parser; libxml2 may still hand back the partial tree.
        if guardBox.declaration != nil || context.pointee.errNo == Int32(XML_ERR_USER_STOP.rawValue) {
            if let parsed { xmlFreeDoc(parsed) }
            let declaration = guardBox.declaration ?? (name: "?", line: 0)
            throw .entityDeclaration(origin: origin, line: declaration.line, name: declaration.name)
        }
        guard let document = parsed else {
            let error = context.pointee.lastError
            let message = error.message.map { String(cString: $0) }?.trimmingCharacters() ?? "the document is not well-formed"
            throw .invalidXML(origin: origin, line: Int(error.line), reason: message)
        }
        return SafeXMLDocument(document: document)
    }
}

/// libxml2 wants `xmlInitParser()` once before parsers run on several threads.
private let libxml2Initialized: Void = xmlInitParser()

/// Where the parse found an entity declaration.
private final class EntityGuard {
    var declaration: (name: String, line: Int)?
}

/// The SAX `entityDecl` hook: note the declaration and stop the parser.
private let refuseEntityDeclaration: entityDeclSAXFunc = { context, name, _, _, _, _ in
    stopForEntity(context, name)
}

private let refuseUnparsedEntityDeclaration: unparsedEntityDeclSAXFunc = { context, name, _, _, _ in
    stopForEntity(context, name)
}

private func stopForEntity(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    // The SAX user data is the parser context itself (libxml2's default).
    guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
    if let box = parser.pointee._private, Unmanaged<EntityGuard>.fromOpaque(box).takeUnretainedValue().declaration == nil {
        let entityName = name.map { String(cString: $0) } ?? "?"
        let line = parser.pointee.input.map { Int($0.pointee.line) } ?? 0
        Unmanaged<EntityGuard>.fromOpaque(box).takeUnretainedValue().declaration = (entityName, line)
    }
    xmlStopParser(parser)
}

/// libxml2 reports some errors (encoding conversion) through per-thread
/// handlers rather than the parser's; the parse options and the parser's own
/// `serror` cover the rest. Same approach as the HTML extractor's.
private func silenceLibXML2OnThisThread() {
    xmlSetStructuredErrorFunc(nil, { _, _ in })
    // `xmlGenericErrorFunc` is variadic, which Swift cannot declare; a
    // non-variadic C-convention function that ignores its arguments is
    // ABI-compatible on the System V and AArch64 conventions we build for.
    let noop: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { _, _ in }
    xmlSetGenericErrorFunc(nil, unsafeBitCast(noop, to: xmlGenericErrorFunc.self))
}

extension String {
    /// Without leading and trailing ASCII whitespace (libxml2's messages end in `\n`).
    func trimmingCharacters() -> String {
        let bytes = Array(utf8)
        var lower = 0, upper = bytes.count
        while lower < upper && isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower && isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

@inline(__always)
func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
}
