// WindowTheme: light or dark is read from the palette; problem text (a date that cannot be
// read, an import that failed) stays readable on the light and the dark window, in the date
// field as in the dialogs.
#include "inspector/datefield.h"
#include "theme/windowtheme.h"

#include <QActionGroup>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStyle>
#include <QTest>

#include <cmath>

using namespace chronomap;

class TestWindowTheme : public QObject
{
    Q_OBJECT

private slots:
    void darkIsReadFromThePalette();
    void problemTextIsReadable_data();
    void problemTextIsReadable();
    void dateFieldShowsProblemsInTheThemeColour();
    void darkMenuTicksAreVisible();
};

namespace {
double luminance(QColor c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// WCAG contrast ratio, 1 (none) to 21 (black on white).
double contrast(QColor a, QColor b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}
} // namespace

void TestWindowTheme::darkIsReadFromThePalette()
{
    QVERIFY(WindowTheme::isDark(WindowTheme::darkPalette()));
    QVERIFY(!WindowTheme::isDark(lightPalette()));
}

void TestWindowTheme::problemTextIsReadable_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestWindowTheme::problemTextIsReadable()
{
    QFETCH(bool, dark);
    const QPalette palette = dark ? WindowTheme::darkPalette() : lightPalette();
    const QColor problem = WindowTheme::problemColor(palette);
    // WCAG AA for text, on the dialogs' background and on the fields'.
    for (auto role : {QPalette::Window, QPalette::Base})
        QVERIFY2(contrast(problem, palette.color(role)) >= 4.5,
                 qPrintable(QStringLiteral("%1 on %2: %3")
                                .arg(problem.name(), palette.color(role).name())
                                .arg(contrast(problem, palette.color(role)))));
    QCOMPARE(WindowTheme::problemStyleSheet(palette),
             QStringLiteral("color:%1").arg(problem.name()));
}

void TestWindowTheme::dateFieldShowsProblemsInTheThemeColour()
{
    const QPalette before = QApplication::palette();
    QApplication::setPalette(WindowTheme::darkPalette());
    DateField field;
    field.setText(QStringLiteral("the twelfth of never"));
    QVERIFY(!field.isAcceptable());
    QLabel* understood = nullptr;
    for (QLabel* label : field.findChildren<QLabel*>())
        if (label->text().contains(field.error().toHtmlEscaped()))
            understood = label;
    QApplication::setPalette(before);
    QVERIFY(understood);
    QVERIFY2(
        understood->text().contains(WindowTheme::problemColor(WindowTheme::darkPalette()).name()),
        qPrintable(understood->text()));
}

void TestWindowTheme::darkMenuTicksAreVisible()
{
    // A checked item's tick (a lane mode, a shown dock) and a chosen item's dot stand out on the
    // dark menu: in the check column, ink as bright as the text, not a dim mark in a dark box.
    WindowTheme::apply(QStringLiteral("dark"));
    QMenu menu;
    QAction* tick = menu.addAction(QStringLiteral("Show Details"));
    tick->setCheckable(true);
    tick->setChecked(true);
    auto* group = new QActionGroup(&menu);
    QAction* dot = menu.addAction(QStringLiteral("Lanes by Category"));
    dot->setCheckable(true);
    dot->setChecked(true);
    group->addAction(dot);
    QAction* off = menu.addAction(QStringLiteral("Lanes by Actor"));
    off->setCheckable(true);
    group->addAction(off);
    menu.ensurePolished();
    menu.adjustSize();
    const QImage image = menu.grab().toImage();
    const QColor text = menu.palette().color(QPalette::Text);
    auto inkIn = [&](QAction* action) {
        const QRect item = menu.actionGeometry(action);
        int ink = 0;
        for (int y = item.top(); y <= item.bottom(); ++y)
            for (int x = item.left(); x < item.left() + 24; ++x)
                if (contrast(image.pixelColor(x * image.width() / menu.width(),
                                              y * image.height() / menu.height()),
                             menu.palette().color(QPalette::Window)) > 7 &&
                    std::abs(image.pixelColor(x, y).lightness() - text.lightness()) < 60)
                    ++ink;
        return ink;
    };
    QVERIFY2(inkIn(tick) >= 8, qPrintable(QString::number(inkIn(tick))));
    QVERIFY2(inkIn(dot) >= 8, qPrintable(QString::number(inkIn(dot))));
    QCOMPARE(inkIn(off), 0);
    WindowTheme::apply(QStringLiteral("light"));
}

QTEST_MAIN(TestWindowTheme)
#include "tst_windowtheme.moc"
