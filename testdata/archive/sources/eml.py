#!/usr/bin/env python3
"""Writes the corpus's e-mails (../eml-*.eml) with Python's email package, in
the encodings newsdesks receive: quoted-printable UTF-8, base64 Windows-1252,
quoted-printable ISO-8859-1, multipart/alternative, HTML only, a Word
attachment under a cover note, and a forwarded message.

    python3 eml.py   (run in this folder; needs eml-docx-attachment.docx)
"""
from email.charset import Charset, QP, BASE64
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.message import MIMEMessage
from email.mime.text import MIMEText
from email import policy

def cs(name, enc):
    c = Charset(name)
    c.body_encoding = enc
    c.header_encoding = QP
    return c

def head(m, frm, subject, date, charset="utf-8"):
    m["From"] = frm
    m["To"] = "newsdesk@gazette.example.org"
    m["Subject"] = Header(subject, charset) if not subject.isascii() else subject
    m["Date"] = date
    m["Message-ID"] = "<%s@mail.example.org>" % abs(hash(subject)) if False else "<%d.%s@mail.example.org>" % (len(subject), date.split()[1] + date.split()[2] + date.split()[3])
    if "MIME-Version" not in m:
        m["MIME-Version"] = "1.0"
    m["X-Mailer"] = "Microsoft Outlook 16.0"
    return m

def write(name, m, crlf=True):
    data = m.as_bytes(policy=policy.compat32.clone(linesep="\r\n" if crlf else "\n"))
    open("../" + name + ".eml", "wb").write(data)

QP_UTF8 = """PRESS RELEASE

Meadowcroft Homes to retrofit 600 homes with heat pumps by 2027

Date: 7 October 2025

Meadowcroft Homes will fit air-source heat pumps, loft insulation and solar panels to 600 of its homes in Eastbury over the next two years, cutting tenants’ energy bills by an estimated £420 a year.

The £14.8 million programme is funded by the Warm Homes: Social Housing Fund and Meadowcroft’s own investment. Work starts in January on the Greenhill estate, where most homes still have electric storage heaters.

Joanne Kirkby, Chief Executive of Meadowcroft Homes, said: “Too many of our tenants have had to choose between heating and eating. This programme means warmer homes and lower bills – and it brings us closer to net zero.”

Tenants will be contacted by letter before any work starts on their home.

ENDS

Notes to editors:
1. Meadowcroft Homes is a housing association with 9,200 homes across Eastbury and the Lyme valley.
2. The Warm Homes: Social Housing Fund is a government programme to improve the energy efficiency of social homes.

Media enquiries:
Callum Reid
Communications Officer
Meadowcroft Homes
Tel: 01632 960 302
Email: callum.reid@meadowcroft.example.org
"""
m = MIMEText(QP_UTF8, "plain", cs("utf-8", QP))
write("eml-qp-utf8", head(m, "Meadowcroft Homes Press Office <press@meadowcroft.example.org>",
      "PRESS RELEASE: Meadowcroft Homes to retrofit 600 homes with heat pumps by 2027", "Tue, 07 Oct 2025 09:30:00 +0100"))

CP1252 = """NEWS RELEASE
FOR IMMEDIATE RELEASE

Man charged after Fenwick Street burglaries

FENWICK, 19 August 2025 – A 34-year-old man has been charged with four burglaries in the Fenwick Street area of the town.

Lee Carver, of no fixed address, was charged on Monday 18 August and appeared at Harbourne Magistrates’ Court today (19 August). He was remanded in custody and will next appear at Harbourne Crown Court on 16 September.

Detective Sergeant Amy Rowe said: “I’d like to thank the residents of Fenwick Street for their patience and for the information they gave us, which was vital to this investigation.”

-ends-

Media enquiries:
Priya Shah
Press Officer
Northmoor Police
Tel: 01632 960 870
Email: press.office@northmoor.police.example.org
"""
m = MIMEText(CP1252, "plain", cs("windows-1252", BASE64))
write("eml-base64-cp1252", head(m, '"Northmoor Police Press Office" <press.office@northmoor.police.example.org>',
      "Man charged after Fenwick Street burglaries", "Tue, 19 Aug 2025 16:05:12 +0100"))

LATIN1 = """PRESS RELEASE

Café in Lowther Park to be run by local social enterprise

Date: 2 September 2025

The café in Lowther Park will reopen next spring under a ten-year lease to Second Helpings CIC, a social enterprise that trains young people for work in catering.

Second Helpings will invest £65,000 in the café's kitchen and seating, and will keep prices for tea, coffee and children's meals at or below the council's current prices.

Councillor Martin Beaumont, Executive Member for Leisure, said: "We had strong bids, but Second Helpings offered both a good café and a real chance for young people in Stanworth to learn a trade."

The lease was approved by the council's executive on 1 September.

ENDS

For further information contact:
Ellie Jarvis
Communications Officer
Stanworth City Council
Telephone: 01632 960 644
Email: ellie.jarvis@stanworth.example.org
Website: www.stanworth.example.org
"""
m = MIMEText(LATIN1, "plain", cs("iso-8859-1", QP))
write("eml-latin1", head(m, "Stanworth City Council <communications@stanworth.example.org>",
      "Café in Lowther Park to be run by local social enterprise", "Tue, 2 Sep 2025 11:47:03 +0100", "iso-8859-1"), crlf=False)

ALT_TEXT = """PRESS RELEASE
EMBARGOED UNTIL 00:01 THURSDAY 6 NOVEMBER 2025

Survey finds one in three carers in Ashby has not had a break this year

A survey of 1,100 unpaid carers in the Vale of Ashby has found that one in three has not had a single day off caring in the past twelve months.

The survey by Ashby Carers’ Network also found that:

- 58% of carers are caring for more than 50 hours a week
- 41% have given up work or cut their hours to care
- fewer than one in five knew they could ask the council for a carer’s assessment

Maria Lindqvist, Director of Ashby Carers’ Network, said: “Carers hold our health and care system together, but many are running on empty. We are asking the council and the NHS to make sure every carer is offered an assessment and a break.”

The full report is published at https://www.ashbycarers.example.org/survey2025.

ENDS

Notes to editors
1. The survey ran online and by post from 1 July to 31 August 2025.
2. Ashby Carers’ Network is a registered charity (no. 1188888) supporting 7,000 unpaid carers.

Media contact:
Jo Pembridge, Communications Manager
Mobile: 07700 900 512
Email: jo.pembridge@ashbycarers.example.org
"""
ALT_HTML = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<p><b>PRESS RELEASE</b><br><b>EMBARGOED UNTIL 00:01 THURSDAY 6 NOVEMBER 2025</b></p>
<p><b>Survey finds one in three carers in Ashby has not had a break this year</b></p>
<p>A survey of 1,100 unpaid carers in the Vale of Ashby has found that one in three has not had a single day off caring in the past twelve months.</p>
<p>The survey by Ashby Carers’ Network also found that:</p>
<ul><li>58% of carers are caring for more than 50 hours a week</li><li>41% have given up work or cut their hours to care</li><li>fewer than one in five knew they could ask the council for a carer’s assessment</li></ul>
<p>Maria Lindqvist, Director of Ashby Carers’ Network, said: “Carers hold our health and care system together, but many are running on empty. We are asking the council and the NHS to make sure every carer is offered an assessment and a break.”</p>
<p>The full report is published at <a href="https://www.ashbycarers.example.org/survey2025">https://www.ashbycarers.example.org/survey2025</a>.</p>
<p>ENDS</p>
<p><b>Notes to editors</b></p>
<ol><li>The survey ran online and by post from 1 July to 31 August 2025.</li><li>Ashby Carers’ Network is a registered charity (no. 1188888) supporting 7,000 unpaid carers.</li></ol>
<p>Media contact:<br>Jo Pembridge, Communications Manager<br>Mobile: 07700 900 512<br>Email: <a href="mailto:jo.pembridge@ashbycarers.example.org">jo.pembridge@ashbycarers.example.org</a></p>
</body></html>
"""
m = MIMEMultipart("alternative")
m.attach(MIMEText(ALT_TEXT, "plain", cs("utf-8", QP)))
m.attach(MIMEText(ALT_HTML, "html", cs("utf-8", QP)))
write("eml-alternative", head(m, "Jo Pembridge <jo.pembridge@ashbycarers.example.org>",
      "EMBARGOED: Survey finds one in three carers in Ashby has not had a break this year", "Wed, 05 Nov 2025 10:12:44 +0000"))

HTML_ONLY = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>News release</title></head>
<body style="font-family: Arial, sans-serif">
<p><strong>NEWS RELEASE</strong></p>
<h1>Beavers return to the River Lune after 400 years</h1>
<p>Monday 13 October 2025</p>
<p>A family of Eurasian beavers has been released into a 40-hectare enclosure near Kirkby Ferrers, the first beavers on the River Lune for more than 400 years.</p>
<p>The release, licensed by Natural England, is part of the <em>Lune Wetlands</em> project run by Northfell Wildlife Trust with local landowners.</p>
<p>Dr Owen Pritchard, the Trust’s Head of Conservation, said: “Beavers are nature’s engineers. Their dams will hold back water in storms, create pools for fish and insects, and help protect homes downstream from flooding.”</p>
<p>Visitors can follow the beavers on the Trust’s <a href="https://www.northfell-wildlife.example.org/beavers">beaver webcam</a>.</p>
<p>ENDS</p>
<p><strong>About Northfell Wildlife Trust</strong><br>
Northfell Wildlife Trust is a charity that cares for 38 nature reserves across Northfell and works with farmers and communities to help wildlife recover.</p>
<p>Media enquiries:<br>
Beth Halliwell, Communications Officer<br>
Tel: 01632 960 925<br>
Email: <a href="mailto:beth.halliwell@northfell-wildlife.example.org">beth.halliwell@northfell-wildlife.example.org</a></p>
</body></html>
"""
m = MIMEText(HTML_ONLY, "html", cs("utf-8", BASE64))
write("eml-html-only", head(m, "Northfell Wildlife Trust <news@northfell-wildlife.example.org>",
      "News release: Beavers return to the River Lune after 400 years", "Mon, 13 Oct 2025 07:58:19 +0100"))

COVER = """Dear newsdesk,

Please find attached a press release from Kingsmere University about a new test for sepsis.

Kind regards,
Nadia

Nadia Rahman | Media Relations Officer | Kingsmere University
This e-mail and any attachments are confidential and intended only for the addressee.
"""
m = MIMEMultipart("mixed")
m.attach(MIMEText(COVER, "plain", cs("utf-8", QP)))
att = MIMEApplication(open("eml-docx-attachment.docx", "rb").read(), "vnd.openxmlformats-officedocument.wordprocessingml.document")
att.add_header("Content-Disposition", "attachment", filename="Sepsis test press release FINAL.docx")
m.attach(att)
write("eml-docx-attachment", head(m, "Nadia Rahman <n.rahman@kingsmere.example.org>",
      "Press release: Kingsmere University scientists develop 20-minute sepsis test", "Wed, 24 Sep 2025 08:15:00 +0100"))

FWD_INNER = """MEDIA STATEMENT

Statement on the closure of Ferry Road bridge

Date: 30 June 2025

Ferry Road bridge in Wensham will close to all traffic from Monday 7 July for six weeks while its deck is replaced.

The bridge was inspected in May and engineers found that the deck needs replacing sooner than planned. Pedestrians and cyclists will be able to use a temporary footbridge alongside it throughout the works.

A signed diversion for vehicles will run via the A4109 and Wensham town centre.

ENDS

Media enquiries:
Gemma Foley
Press Officer
Wensham District Council
Tel: 01632 960 733
Email: press@wensham.example.org
"""
inner = MIMEText(FWD_INNER, "plain", cs("utf-8", QP))
head(inner, "Wensham District Council <press@wensham.example.org>", "Statement on the closure of Ferry Road bridge", "Mon, 30 Jun 2025 14:20:00 +0100")
m = MIMEMultipart("mixed")
m.attach(MIMEText("FYI - see the council's statement below.\n\nMark\n", "plain", cs("utf-8", QP)))
m.attach(MIMEMessage(inner))
write("eml-forwarded", head(m, "Mark Dunn <mark.dunn@gazette.example.org>", "Fwd: Statement on the closure of Ferry Road bridge", "Mon, 30 Jun 2025 15:02:41 +0100"))

# Outlook on the web's HTML forward, with no text part: a cover note, then
# the forwarded message's header in a <div> under a rule, then the release
# in <p> paragraphs.
HTML_FORWARD = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>
</head>
<body dir="ltr">
<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
Hi all, the council's release on the family hub is below for tomorrow's edition.</div>
<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
Jo</div>
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Harrowby Council Press Office &lt;press@harrowby.example.gov.uk&gt;<br>
<b>Sent:</b> 13 January 2025 17:40<br>
<b>To:</b> Jo Whitfield &lt;jo.whitfield@gazette.example.org&gt;<br>
<b>Subject:</b> PRESS RELEASE: New family hub opens in Lowfold</font>
<div>&nbsp;</div>
</div>
<p><b>PRESS RELEASE</b></p>
<p><b>New family hub opens in Lowfold</b></p>
<p>Date: 13 January 2025</p>
<p>A new family hub opened in Lowfold today, bringing health visitors, parenting support, benefits advice and a stay-and-play group under one roof at the former Lowfold library.</p>
<p>The hub is open Monday to Friday from 9am to 5pm and on Saturday mornings. Families can drop in without an appointment, and the hub's staff can book interpreters in Polish, Urdu and Bengali.</p>
<p>Councillor Priya Mistry, Cabinet Member for Children and Families, said: "Parents told us they were tired of being sent from one building to another. Now the help they need is in one place, in the middle of Lowfold."</p>
<p>ENDS</p>
<p>Media enquiries:<br>
Harrowby Council Press Office<br>
Tel: 01632 960 310<br>
Email: <a href="mailto:press@harrowby.example.gov.uk">press@harrowby.example.gov.uk</a></p>
</body>
</html>
"""
m = MIMEText(HTML_FORWARD, "html", cs("utf-8", QP))
write("eml-html-forward", head(m, "Jo Whitfield <jo.whitfield@gazette.example.org>",
      "Fw: PRESS RELEASE: New family hub opens in Lowfold", "Tue, 14 Jan 2025 08:05:12 +0000"))
