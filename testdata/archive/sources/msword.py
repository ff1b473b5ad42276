#!/usr/bin/env python3
"""Writes docx-charity-msword.docx the way Microsoft Word 2016 writes a .docx:
the same parts, namespaces, rsid attributes, proofErr and bookmark marks,
ListParagraph with numbering, the Hyperlink and Strong character styles, a
HYPERLINK field pasted from a web page, tabs, a soft hyphen and a
non-breaking hyphen. (No Microsoft Word was at hand to make it.)

    python3 msword.py ../docx-charity-msword.docx
"""
import sys, zipfile
W = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:o="urn:schemas-microsoft-com:office:office" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
     'xmlns:v="urn:schemas-microsoft-com:vml" '
     'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:w10="urn:schemas-microsoft-com:office:word" '
     'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
     'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
     'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'mc:Ignorable="w14 w15 wp14"')
n = [0]
def p(content, style=None, num=None):
    n[0] += 1
    ppr = ''
    if style or num:
        ppr = '<w:pPr>'
        if style: ppr += '<w:pStyle w:val="%s"/>' % style
        if num: ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>' % num
        ppr += '</w:pPr>'
    return '<w:p w14:paraId="%08X" w14:textId="77777777" w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6">%s%s</w:p>' % (0x1A2B3C00 + n[0], ppr, content)
def r(text, props=''):
    rpr = '<w:rPr>%s</w:rPr>' % props if props else ''
    sp = ' xml:space="preserve"' if text != text.strip() else ''
    return '<w:r w:rsidRPr="00B7C8D9">%s<w:t%s>%s</w:t></w:r>' % (rpr, sp, text)
def link(rid, text):
    return '<w:hyperlink r:id="%s" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>%s</w:t></w:r></w:hyperlink>' % (rid, text)
def br(): return '<w:r><w:br/></w:r>'
proof = '<w:proofErr w:type="spellStart"/>'
proofEnd = '<w:proofErr w:type="spellEnd"/>'

body = [
 p(r('PRESS RELEASE')),
 p(r('FOR IMMEDIATE RELEASE')),
 p('<w:bookmarkStart w:id="0" w:name="_Hlk195522301"/>' + r('Hospice opens Brambleford’s first garden for bereaved children') + '<w:bookmarkEnd w:id="0"/>', 'Title'),
 p(r('Thursday 17 April 2025')),
 p(r('Children who have lost a parent, brother or sister now have a quiet garden of their own at ') + proof + r('Hollowfield') + proofEnd + r(' Children’s Hospice, opened this week by families who helped to design it.')),
 p(r('The Memory Garden was paid for by a year') + '<w:r><w:noBreakHyphen/><w:t>long</w:t></w:r>' + r(' fund') + '<w:r><w:softHyphen/></w:r>' + r('raising appeal that raised ') + r('£86,000', '<w:rStyle w:val="Strong"/>') + r(', more than twice its target. It has a willow den, a stream children can dam and a wall where they can leave messages.')),
 p(r('Sarah Whitcombe, Head of Family Support at the hospice, said: “Grief can feel ') + r('enormous', '<w:i/><w:iCs/>') + r(' to a child. The garden gives them somewhere to be sad, to play and to remember, sometimes all in the same afternoon.”')),
 p(r('The appeal was supported by:')),
 p(r('212 local businesses'), 'ListParagraph', 1),
 p(r('the Brambleford Rotary Club'), 'ListParagraph', 1),
 p(r('more than 1,400 individual donors'), 'ListParagraph', 1),
 p(r('Families who would like to visit the garden can contact the family support team through the hospice’s website, ') +
   '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.hollowfield.example.org/family-support" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>www.hollowfield.example.org/family-support</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' + r('.')),
 p(r('-ENDS-')),
 p(r('Notes to editors'), 'Heading2'),
 p(r('The Memory Garden was designed by landscape architect Owen ') + proof + r('Featherstone') + proofEnd + r(' with eight families.'), 'ListParagraph', 2),
 p(r('Interviews with families can be arranged through the media team.'), 'ListParagraph', 2),
 p(r('About Hollowfield Children’s Hospice'), 'Heading2'),
 p(r('Hollowfield Children’s Hospice cares for 300 children and young people with life-limiting conditions across Brambleford and the Wolds, and supports their families before and after bereavement. Registered charity number 1099999.')),
 p(r('For media enquiries contact:') + br() + r('Rachel Ng, Communications Lead') + br() + r('Tel:') + '<w:r><w:tab/></w:r>' + r('01632 960 777') + br() + r('Mobile:') + '<w:r><w:tab/></w:r>' + r('07700 900 318') + br() + r('Email:') + '<w:r><w:tab/></w:r>' + link('rId8', 'media@hollowfield.example.org')),
]
sect = '<w:sectPr w:rsidR="00D4E5F6"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
document = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document %s><w:body>%s%s</w:body></w:document>' % (W, ''.join(body), sect)

styles = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/><w:lsdException w:name="Title" w:uiPriority="10" w:qFormat="1"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading2Char"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="40" w:after="0"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:color w:val="2F5496" w:themeColor="accent1" w:themeShade="BF"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="TitleChar"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:b/><w:spacing w:val="-10"/><w:kern w:val="28"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="TitleChar"><w:name w:val="Title Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Title"/><w:uiPriority w:val="10"/><w:rPr><w:b/><w:sz w:val="56"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Heading2Char"><w:name w:val="Heading 2 Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Heading2"/><w:uiPriority w:val="9"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="22"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
</w:styles>''' % W

def absnum(i, fmt, text):
    return '<w:abstractNum w:abstractNumId="%d" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1C2D3E4%d"/><w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="0809000F"/><w:lvl w:ilvl="0" w:tplc="0809000F"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl><w:lvl w:ilvl="1" w:tplc="08090019" w:tentative="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>' % (i, i, fmt, text)
numbering = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:numbering %s>%s%s<w:num w:numId="1" w16cid:durableId="1" xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>' % (W, absnum(0, 'bullet', '\uf0b7'), absnum(1, 'decimal', '%1.'))

rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:media@hollowfield.example.org" TargetMode="External"/></Relationships>'''
ctypes = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'''
toprels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
core = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title><dc:subject></dc:subject><dc:creator>Rachel Ng</dc:creator><cp:keywords></cp:keywords><dc:description></dc:description><cp:lastModifiedBy>Rachel Ng</cp:lastModifiedBy><cp:revision>4</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2025-04-15T09:12:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-04-16T16:40:00Z</dcterms:modified></cp:coreProperties>'''
app = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>38</TotalTime><Pages>1</Pages><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><AppVersion>16.0000</AppVersion></Properties>'''
settings = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:settings %s><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-GB"/></w:settings>' % W

with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in [('[Content_Types].xml', ctypes), ('_rels/.rels', toprels), ('word/document.xml', document), ('word/_rels/document.xml.rels', rels),
                       ('word/styles.xml', styles), ('word/numbering.xml', numbering), ('word/settings.xml', settings), ('docProps/core.xml', core), ('docProps/app.xml', app)]:
        zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data.encode('utf-8'))
