#include "attributesdialog.h"

#include "model/partialdate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace chronomap {

namespace {

enum Column
{
    NameColumn,
    TypeColumn,
    ValueColumn
};

QString typeLabel(AttributeType t)
{
    switch (t) {
    case AttributeType::String:
        return AttributesDialog::tr("Text");
    case AttributeType::Integer:
        return AttributesDialog::tr("Whole number");
    case AttributeType::Double:
        return AttributesDialog::tr("Number");
    case AttributeType::Boolean:
        return AttributesDialog::tr("Yes/no");
    case AttributeType::Date:
        return AttributesDialog::tr("Date");
    case AttributeType::List:
        return AttributesDialog::tr("List");
    }
    return {};
}

} // namespace

AttributesDialog::AttributesDialog(const Attributes& attributes, QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(0, 3)), m_problem(new QLabel)
{
    setWindowTitle(tr("Attributes"));
    m_table->setObjectName(QStringLiteral("attributesTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Attributes"));
    m_problem->setObjectName(QStringLiteral("attributesProblem"));
    m_problem->setTextFormat(Qt::PlainText); // names come from files
    m_problem->setWordWrap(true);

    auto* add = new QPushButton(tr("&Add"));
    add->setObjectName(QStringLiteral("addAttributeButton"));
    auto* remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("removeAttributeButton"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);

    auto* rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    for (const Attribute& a : attributes)
        addRow(a);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow(Attribute{});
        m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, NameColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        m_spells.removeAt(row);
        m_originalTypes.removeAt(row);
        revalidate();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] { revalidate(); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, 320);
    revalidate();
}

void AttributesDialog::addRow(const Attribute& a)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_spells.append(a.spells);
    m_originalTypes.append(a.type);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(a.name));
    auto* type = new QComboBox;
    type->setAccessibleName(tr("Type"));
    for (int t = 0; t < 6; ++t)
        type->addItem(typeLabel(AttributeType(t)), t);
    type->setCurrentIndex(int(a.type));
    m_table->setCellWidget(row, TypeColumn, type);
    setEditor(row, a.type, a.value);
    connect(type, &QComboBox::currentIndexChanged, this, [this, type](int index) {
        for (int r = 0; r < m_table->rowCount(); ++r)
            if (m_table->cellWidget(r, TypeColumn) == type)
                setEditor(r, AttributeType(type->itemData(index).toInt()), rowValue(r));
        revalidate();
    });
    revalidate();
}

void AttributesDialog::setEditor(int row, AttributeType type, const QString& value)
{
    QWidget* editor = nullptr;
    if (type == AttributeType::Boolean) {
        auto* box = new QCheckBox(tr("yes"));
        const QString v = value.trimmed().toLower();
        box->setChecked(v == QLatin1String("true") || v == QLatin1String("1") ||
                        v == QLatin1String("yes"));
        connect(box, &QCheckBox::toggled, this, [this] { revalidate(); });
        editor = box;
    } else {
        auto* line = new QLineEdit(value);
        switch (type) {
        case AttributeType::Integer:
            line->setValidator(new QRegularExpressionValidator(
                QRegularExpression(QStringLiteral("[-+]?[0-9]{0,18}")), line));
            line->setPlaceholderText(tr("a whole number, such as 3"));
            break;
        case AttributeType::Double:
            line->setPlaceholderText(tr("a number, such as 0.25"));
            break;
        case AttributeType::Date:
            line->setPlaceholderText(tr("a date, such as 2025-10 or 2025-10-24"));
            break;
        case AttributeType::List:
            line->setPlaceholderText(tr("items separated by |"));
            break;
        default:
            break;
        }
        connect(line, &QLineEdit::textChanged, this, [this] { revalidate(); });
        editor = line;
    }
    editor->setAccessibleName(tr("Value"));
    editor->setProperty("attributeType", int(type));
    m_table->setCellWidget(row, ValueColumn, editor);
}

QWidget* AttributesDialog::valueEditor(int row) const
{
    return m_table->cellWidget(row, ValueColumn);
}

AttributeType AttributesDialog::rowType(int row) const
{
    const auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(row, TypeColumn));
    return combo ? AttributeType(combo->currentData().toInt()) : AttributeType::String;
}

QString AttributesDialog::rowValue(int row) const
{
    QWidget* w = valueEditor(row);
    if (const auto* box = qobject_cast<QCheckBox*>(w))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (const auto* line = qobject_cast<QLineEdit*>(w))
        return line->text();
    return {};
}

void AttributesDialog::setRowType(int row, AttributeType type)
{
    if (auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(row, TypeColumn)))
        combo->setCurrentIndex(int(type));
}

void AttributesDialog::setRowValue(int row, const QString& value)
{
    QWidget* w = valueEditor(row);
    if (auto* box = qobject_cast<QCheckBox*>(w))
        box->setChecked(value == QLatin1String("true"));
    else if (auto* line = qobject_cast<QLineEdit*>(w))
        line->setText(value);
}

std::optional<Attributes> AttributesDialog::attributes() const
{
    Attributes out;
    QSet<QString> names;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* item = m_table->item(row, NameColumn);
        const QString name = item ? item->text().trimmed() : QString();
        const AttributeType type = rowType(row);
        const QString text = rowValue(row);
        if (name.isEmpty()) {
            if (text.trimmed().isEmpty())
                continue; // an empty row added and left
            return std::nullopt;
        }
        if (names.contains(name))
            return std::nullopt;
        names.insert(name);
        Attribute a;
        a.name = name;
        a.type = type;
        if (type == AttributeType::String) {
            a.value = text;
        } else if (text.trimmed().isEmpty()) {
            a.value.clear(); // no value of its own (a timed attribute's, or left blank)
        } else if (type == AttributeType::Date) {
            const PartialDate d = PartialDate::fromEdtf(text.trimmed());
            if (!d.isValid())
                return std::nullopt;
            a.value = d.edtf();
        } else {
            const auto typed = typedAttribute(attributeTypeName(type), text);
            if (!typed || typed->type != type)
                return std::nullopt;
            a.value = typed->value;
        }
        // Timed values stay while the type is the one they were read with.
        if (type == m_originalTypes.value(row))
            a.spells = m_spells.value(row);
        out.append(a);
    }
    return out;
}

QString AttributesDialog::problem() const
{
    QSet<QString> names;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* item = m_table->item(row, NameColumn);
        const QString name = item ? item->text().trimmed() : QString();
        const AttributeType type = rowType(row);
        const QString text = rowValue(row).trimmed();
        if (name.isEmpty()) {
            if (!text.isEmpty())
                return tr("Row %1 has a value but no name.").arg(row + 1);
            continue;
        }
        if (names.contains(name))
            return tr("“%1” is named twice.").arg(name);
        names.insert(name);
        if (text.isEmpty() || type == AttributeType::String || type == AttributeType::List)
            continue;
        bool fits = true;
        if (type == AttributeType::Date) {
            fits = PartialDate::fromEdtf(text).isValid();
        } else {
            const auto typed = typedAttribute(attributeTypeName(type), text);
            fits = typed && typed->type == type;
        }
        if (!fits)
            return tr("“%1” is not a %2: “%3”.").arg(name, typeLabel(type).toLower(), text);
    }
    return {};
}

void AttributesDialog::revalidate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_ok->setEnabled(why.isEmpty());
}

} // namespace chronomap
