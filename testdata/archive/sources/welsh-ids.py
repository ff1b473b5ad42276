#!/usr/bin/env python3
"""Gives a LibreOffice .docx the Welsh style IDs a Welsh-language Word writes
(names stay English, as Word keeps them):

    python3 welsh-ids.py docx-welsh-cy.docx ../docx-welsh-cy.docx
"""
import re, sys, zipfile
ids = {"Normal": "Arferol", "Heading": "Pennawd", "TextBody": "CorffTestun", "Heading2": "Pennawd2", "Title": "Teitl",
       "ListBullet": "RhestrBwled", "ListNumber": "RhestrRhif", "InternetLink": "Hyperddolen", "List": "Rhestr",
       "Caption": "Capsiwn", "Index": "Mynegai", "TableContents": "CynnwysTabl"}
def fix(s):
    s = re.sub(r'w:styleId="([^"]+)"', lambda m: 'w:styleId="%s"' % ids.get(m.group(1), m.group(1)), s)
    return re.sub(r'<w:(pStyle|rStyle|basedOn|next|link) w:val="([^"]+)"', lambda m: '<w:%s w:val="%s"' % (m.group(1), ids.get(m.group(2), m.group(2))), s)
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename in ("word/styles.xml", "word/document.xml"):
            data = fix(data.decode("utf-8")).encode("utf-8")
        out.writestr(info, data)
