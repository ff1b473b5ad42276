#!/usr/bin/env python3
"""Writes a release spec (NAME.spec) as an OpenDocument flat text file
(NAME.fodt), which LibreOffice then converts to the .docx in the corpus:

    python3 fodt.py NAME.spec > NAME.fodt
    soffice --headless --convert-to docx NAME.fodt

Spec lines: "LANG: en GB", "META: title", then one block a line:
"L:" label, "T:" Title, "S:" Subtitle, "H1:"/"H2:" headings, "P:" body text,
"B:" bullet item, "N:" numbered item, "R:" a table row (cells split by " || ").
Inline: **bold**, *italic*, [text](url); " | " is a line break in the paragraph.
"""
import re, sys
from xml.sax.saxutils import escape, quoteattr

def inline(s):
    out = []
    for part in s.split(" | "):
        x = escape(part)
        x = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", lambda m: '<text:a xlink:type="simple" xlink:href=%s>%s</text:a>' % (quoteattr(m.group(2)), m.group(1)), x)
        x = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="TB">\1</text:span>', x)
        x = re.sub(r"\*(.+?)\*", r'<text:span text:style-name="TI">\1</text:span>', x)
        x = x.replace("\t", "<text:tab/>")
        out.append(x)
    return "<text:line-break/>".join(out)

STYLE = {"L": "Text_20_body", "P": "Text_20_body", "T": "Title", "S": "Subtitle"}
lang, country, title = "en", "GB", ""
body = []
lst = None
def close():
    global lst
    if lst:
        body.append("</text:list>")
        lst = None
rows = []
def flush_rows():
    global rows
    if not rows:
        return
    n = max(len(r) for r in rows)
    body.append('<table:table table:name="Contacts">' + '<table:table-column table:number-columns-repeated="%d"/>' % n)
    for r in rows:
        body.append("<table:table-row>" + "".join('<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">%s</text:p></table:table-cell>' % inline(c) for c in r) + "</table:table-row>")
    body.append("</table:table>")
    rows = []
for raw in open(sys.argv[1], encoding="utf-8"):
    raw = raw.rstrip("\n")
    if not raw.strip():
        continue
    key, _, text = raw.partition(": ")
    if key == "LANG":
        lang, country = text.split()
        continue
    if key == "META":
        title = text
        continue
    if key != "R":
        flush_rows()
    if key in ("B", "N"):
        want = "LB" if key == "B" else "LN"
        if lst != want:
            close()
            body.append('<text:list text:style-name="%s">' % want)
            lst = want
        body.append('<text:list-item><text:p text:style-name="%s">%s</text:p></text:list-item>' % ("List_20_Bullet" if key == "B" else "List_20_Number", inline(text)))
        continue
    close()
    if key == "R":
        rows.append(text.split(" || "))
    elif key in ("H1", "H2"):
        lvl = key[1]
        body.append('<text:h text:style-name="Heading_20_%s" text:outline-level="%s">%s</text:h>' % (lvl, lvl, inline(text)))
    else:
        body.append('<text:p text:style-name="%s">%s</text:p>' % (STYLE[key], inline(text)))
close(); flush_rows()

print('''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%s</dc:title><meta:generator>pressroom corpus fodt.py</meta:generator></office:meta>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="%s" fo:country="%s"/></style:default-style>
<style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Text_20_body"/>
<style:style style:name="List_20_Number" style:display-name="List Number" style:family="paragraph" style:parent-style-name="Text_20_body"/>
</office:styles>
<office:automatic-styles>
<style:style style:name="TB" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TI" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<text:list-style style:name="LB"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" text:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="LN"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" text:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
</office:automatic-styles>
<office:body><office:text>
%s
</office:text></office:body></office:document>''' % (escape(title), lang, country, "\n".join(body)))
