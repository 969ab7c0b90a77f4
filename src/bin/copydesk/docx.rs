//! The text of a Word document (.docx): the body's paragraphs, as the page's reader (mammoth's raw text)
//! gives them, one paragraph a block with a blank line between. A .docx is a ZIP archive; the body is
//! `word/document.xml`, whose paragraphs are `<w:p>` elements holding runs of text `<w:t>`, tabs and
//! line breaks. Headers, footers, comments and deleted text (`<w:delText>`) stand elsewhere or in other
//! elements, so they are left out, as a reader of the document would leave them.

use std::io::{Cursor, Read};

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::Reader;

/// The body's text, or what is wrong with the file, to follow its name.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let damaged = |why: String| format!("is a damaged Word document ({why})");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| damaged(error.to_string()))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|error| damaged(error.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|error| damaged(error.to_string()))?;
    paragraphs(&xml).map_err(|error| damaged(format!("word/document.xml: {error}")))
}

/// The paragraphs of a `word/document.xml`, joined by blank lines; empty paragraphs are left out.
fn paragraphs(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut paragraph = String::new();
    // Inside a `<w:t>`, whose text is the document's; other elements' text (instructions of fields,
    // deleted runs) is not.
    let mut in_text = false;
    loop {
        match reader.read_event()? {
            Event::Start(element) if element.name().as_ref() == b"w:t" => in_text = true,
            Event::End(element) if element.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(text) if in_text => paragraph.push_str(&text.decode()?),
            Event::GeneralRef(reference) if in_text => match reference.resolve_char_ref()? {
                Some(c) => paragraph.push(c),
                None => paragraph.push_str(resolve_predefined_entity(&reference.decode()?).unwrap_or_default()),
            },
            Event::Empty(element) => match element.name().as_ref() {
                b"w:tab" => paragraph.push('\t'),
                b"w:br" | b"w:cr" => paragraph.push('\n'),
                _ => {}
            },
            Event::End(element) if element.name().as_ref() == b"w:p" => {
                let text = std::mem::take(&mut paragraph);
                if !text.trim().is_empty() {
                    paragraphs.push(text.trim().to_owned());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(paragraphs.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paragraphs_runs_entities_tabs_and_breaks_and_nothing_else() {
        let xml = r#"<w:document><w:body>
            <w:p><w:r><w:t>Storm &amp; ferry:</w:t></w:r><w:r><w:t xml:space="preserve"> “all safe”&#33;</w:t></w:r></w:p>
            <w:p></w:p>
            <w:p><w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t></w:r></w:p>
            <w:p><w:r><w:instrText>PAGE</w:instrText><w:delText>gone</w:delText><w:t>kept</w:t></w:r></w:p>
        </w:body></w:document>"#;
        assert_eq!(paragraphs(xml).unwrap(), "Storm & ferry: “all safe”!\n\none\ttwo\nthree\n\nkept");
    }

    #[test]
    fn a_zip_without_a_body_is_a_damaged_document() {
        let error = text(b"PK\x03\x04 and nothing that makes an archive").unwrap_err();
        assert!(error.starts_with("is a damaged Word document ("), "{error}");
    }
}
