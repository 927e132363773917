// The sanitiser for what leaves for the web (core/interchange/htmlsanitizer.h): harmless
// formatting stays, anything that could run, load or restyle a published page goes, however it
// is spelled, and text stays text.
#include "interchange/htmlsanitizer.h"

#include "webcheck.h"

#include <QTest>

using namespace chronomap;

class TestHtmlSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void sanitizesHtml_data();
    void sanitizesHtml();
    void urls_data();
    void urls();
    void cssColors_data();
    void cssColors();
    void checkerSeesLiveMarkup();
    void deepNestingStaysBounded();
};

void TestHtmlSanitizer::sanitizesHtml_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const char* html, const char* expected) {
        QTest::newRow(name) << QString::fromUtf8(html) << QString::fromUtf8(expected);
    };
    // Kept.
    row("plain text", "Talks, in Miami", "Talks, in Miami");
    row("text with & < > stays escaped", "A < B & C > D", "A &lt; B &amp; C &gt; D");
    row("escaped text stays escaped", "a &lt;b&gt; &amp;amp; c", "a &lt;b&gt; &amp;amp; c");
    row("references kept, a bare & escaped", "AT&T &copy; &#169; &#xA9; &nosuch;",
        "AT&amp;T &copy; &#169; &#xA9; &nosuch;");
    row("references in markup decoded", "<i>AT&T &copy;</i> &nosuch;",
        "<i>AT&amp;T \u00a9</i> &amp;nosuch;");
    row("text with line breaks, as timelineJsHtml writes it", "One &lt;p&gt;<br><br>two > 1",
        "One &lt;p&gt;<br><br>two &gt; 1");
    row("a reference spelling a tag stays text", "&#60;script&#62;alert(1)&#60;/script&#62;",
        "&#60;script&#62;alert(1)&#60;/script&#62;");
    row("paragraph, italic, bold", "<p><i><b>x</b></i></p>", "<p><i><b>x</b></i></p>");
    row("lists and quotes", "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>",
        "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>");
    row("https link kept", "<a href=\"https://ok.example/x?a=1&amp;b=2\">ok</a>",
        "<a href=\"https://ok.example/x?a=1&amp;b=2\">ok</a>");
    row("mailto link and title kept", "<a href='mailto:desk@example.org' title='t\"x'>m</a>",
        "<a href=\"mailto:desk@example.org\" title=\"t&quot;x\">m</a>");
    row("relative link kept", "<a href=\"/story/1\">s</a>", "<a href=\"/story/1\">s</a>");
    row("line breaks", "One<br/>two<BR>three", "One<br>two<br>three");
    // Dropped: code and what runs it.
    row("script", "<script>alert(1)</script>after", "after");
    row("script in caps", "<SCRIPT SRC=//x.example/a.js></SCRIPT>after", "after");
    row("onerror", "<img src=x onerror=alert(1)>", "");
    row("event handler on an allowed tag", "<p onclick=\"x()\" style=\"color:red\">p</p>",
        "<p>p</p>");
    row("attributes without quotes", "<b onmouseover=alert(1) class=x>b</b>", "<b>b</b>");
    row("javascript: link", "<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>");
    row("mixed case scheme", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>");
    row("tab inside the scheme", "<a href=\"java\tscript:alert(1)\">x</a>", "<a>x</a>");
    row("new line inside the scheme", "<a href=\"java\nscript:alert(1)\">x</a>", "<a>x</a>");
    row("leading spaces and controls", "<a href=\" \x01javascript:alert(1)\">x</a>", "<a>x</a>");
    row("entity-encoded scheme", "<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>");
    row("hex-encoded colon", "<a href=\"javascript&#x3a;alert(1)\">x</a>", "<a>x</a>");
    row("named colon", "<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>");
    row("unquoted javascript", "<a href=javascript:alert(1)>x</a>", "<a>x</a>");
    row("vbscript", "<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>");
    row("data URL", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "<a>x</a>");
    row("file URL", "<a href=\"file:///etc/passwd\">x</a>", "<a>x</a>");
    row("target and rel dropped", "<a href=\"https://x.example\" target=_blank rel=opener>x</a>",
        "<a href=\"https://x.example\">x</a>");
    row("svg", "<svg onload=alert(1)><script>alert(1)</script></svg>t", "t");
    row("math", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>t", "t");
    row("style", "<style>body{display:none}</style>s", "s");
    row("iframe", "<iframe src=\"javascript:alert(1)\">i</iframe>after", "after");
    row("object and embed", "<object data=x.swf></object><embed src=x.swf>e", "e");
    row("form controls", "<textarea>t</textarea><select><option>o</option></select>k", "k");
    row("img", "<img src=\"/dev/zero\"><img src=\"file:///etc/passwd\">i", "i");
    row("unknown tags keep their text",
        "<div><span style=\"x\"><font color=red>f</font></span>"
        "</div><h1>h</h1>",
        "fh");
    row("comment", "<!-- <script>alert(1)</script> -->c", "c");
    row("conditional comment", "<!--[if IE]><script>alert(1)</script><![endif]-->c", "c");
    row("CDATA is text", "<![CDATA[<script>x</script>]]>y", "&lt;![CDATA[]]&gt;y");
    row("unclosed tags closed", "<b><i>unclosed", "<b><i>unclosed</i></b>");
    row("nested wrongly", "<b><i>x</b>y</i>", "<b><i>x</i></b>y");
    row("our wrapper cannot be closed", "</div><img src=x onerror=1>tail", "<p>tail</p>");
    row("end tag only", "</script>x", "x");
    row("a tag left open", "a <b c", "a <b></b>");
    row("processing instruction", "<?php echo 1; ?>p", "p");
    row("doctype", "<!DOCTYPE html>d", "d");
    row("base and meta", "<base href=\"javascript:x\"><meta http-equiv=refresh content=0>m", "m");
    row("empty", "", "");
}

void TestHtmlSanitizer::sanitizesHtml()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    const QString out = sanitizeWebHtml(html);
    QCOMPARE(out, expected);
    QVERIFY2(test::liveMarkup(out).isEmpty(), qPrintable(test::liveMarkup(out)));
    // Sanitised HTML is a fixed point: a second export changes nothing.
    QCOMPARE(sanitizeWebHtml(out), out);
}

void TestHtmlSanitizer::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const char* url, const char* expected) {
        QTest::newRow(name) << QString::fromUtf8(url) << QString::fromUtf8(expected);
    };
    row("https", "https://x.example/a?b=1&c=2#d", "https://x.example/a?b=1&c=2#d");
    row("http in caps", "HTTP://X.EXAMPLE/", "HTTP://X.EXAMPLE/");
    row("mailto", "mailto:desk@example.org", "mailto:desk@example.org");
    row("relative path", "images/a.jpg", "images/a.jpg");
    row("relative path with a space", "images/a b.jpg", "images/a%20b.jpg");
    row("protocol-relative", "//cdn.example/a.jpg", "//cdn.example/a.jpg");
    row("spaces around", "  https://x.example/  ", "https://x.example/");
    row("javascript", "javascript:alert(1)", "");
    row("javascript in caps, after a space", " JAVASCRIPT:alert(1)", "");
    row("new line in the scheme", "java\nscript:alert(1)", "");
    row("tab in the scheme", "java\tscript:alert(1)", "");
    row("control before", "\x01javascript:alert(1)", "");
    row("entity-encoded scheme", "&#106;avascript:alert(1)", "");
    row("named colon", "javascript&colon;alert(1)", "");
    row("data", "data:image/svg+xml;base64,PHN2Zz4=", "");
    row("file", "file:///etc/passwd", "");
    row("vbscript", "vbscript:x", "");
    row("an embed TimelineJS would insert", "<iframe src=//x.example>", "");
    row("a blockquote embed", "<blockquote class=twitter-tweet>x</blockquote>", "");
    row("quote breaking out", "https://x.example/\" onerror=\"alert(1)", "");
    row("empty", "", "");
}

void TestHtmlSanitizer::urls()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(sanitizeWebUrl(url), expected);
    QVERIFY(test::liveUrl(sanitizeWebUrl(url)).isEmpty());
}

void TestHtmlSanitizer::cssColors_data()
{
    QTest::addColumn<QString>("color");
    QTest::addColumn<bool>("safe");
    QTest::newRow("hex") << QStringLiteral("#8BB1C4") << true;
    QTest::newRow("short hex") << QStringLiteral("#abc") << true;
    QTest::newRow("name") << QStringLiteral("lightblue") << true;
    QTest::newRow("rgb") << QStringLiteral("rgb(10, 20, 30)") << true;
    QTest::newRow("rgba") << QStringLiteral("rgba(10,20,30,0.5)") << true;
    QTest::newRow("url") << QStringLiteral("url(javascript:alert(1))") << false;
    QTest::newRow("more declarations") << QStringLiteral("red;background:url(x)") << false;
    QTest::newRow("expression") << QStringLiteral("expression(alert(1))") << false;
    QTest::newRow("url in rgb") << QStringLiteral("rgb(url(x))") << false;
    QTest::newRow("quote") << QStringLiteral("red\" onload=\"x") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestHtmlSanitizer::cssColors()
{
    QFETCH(QString, color);
    QFETCH(bool, safe);
    QCOMPARE(isSafeCssColor(color), safe);
}

// The checker the export tests rely on must itself see what is live.
void TestHtmlSanitizer::checkerSeesLiveMarkup()
{
    for (const char* live :
         {"<img src=x onerror=alert(1)>", "<script>x</script>", "<a href=\"javascript:x\">x</a>",
          "<a href=\"&#106;avascript:x\">x</a>", "<p style=\"x\">p</p>", "<!-- c -->",
          "<svg/onload=x>", "<a href=javascript&colon;x>x</a>"})
        QVERIFY2(!test::liveMarkup(QString::fromUtf8(live)).isEmpty(), live);
    for (const char* live : {"javascript:x", " JaVaScRiPt:x", "java\tscript:x", "data:x",
                             "&#106;avascript:x", "<iframe src=x>"})
        QVERIFY2(!test::liveUrl(QString::fromUtf8(live)).isEmpty(), live);
    QVERIFY(
        test::liveMarkup(QStringLiteral("&lt;img src=x onerror=alert(1)&gt; <b>ok</b>")).isEmpty());
}

// Thousands of nested tags neither overflow the stack nor come back nested thousands deep.
void TestHtmlSanitizer::deepNestingStaysBounded()
{
    const QString deep = QStringLiteral("<b>").repeated(100000) + QStringLiteral("x");
    const QString out = sanitizeWebHtml(deep);
    QVERIFY(out.count(QLatin1String("<b>")) <= 64);
    QVERIFY(test::liveMarkup(out).isEmpty());
}

QTEST_GUILESS_MAIN(TestHtmlSanitizer)
#include "tst_htmlsanitizer.moc"
