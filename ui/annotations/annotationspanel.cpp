#include "annotationspanel.h"

#include "i18n/labels.h"
#include "query/selection.h"
#include "story/story.h"
#include "text/storytext.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace chronomap {

AnnotationListModel::AnnotationListModel(Story* story, QObject* parent)
    : QAbstractTableModel(parent), m_story(story)
{
    reload();
    connect(story, &Story::changed, this, [this](const Change&) { reload(); });
}

void AnnotationListModel::setShowResolved(bool show)
{
    if (show == m_showResolved)
        return;
    m_showResolved = show;
    reload();
}

void AnnotationListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_targetNames.clear();
    for (const Annotation& a : m_story->store().annotations())
        if (m_showResolved || !a.resolved)
            m_rows << a;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Annotation& a, const Annotation& b) {
        return a.created > b.created;
    });
    for (const Annotation& a : std::as_const(m_rows)) {
        const qint64 key = (qint64(a.target.kind) << 56) | a.target.id;
        if (!m_targetNames.contains(key))
            m_targetNames.insert(key, targetName(a.target));
    }
    endResetModel();
}

QString AnnotationListModel::targetName(EntityRef ref) const
{
    const Store& s = m_story->store();
    switch (ref.kind) {
    case EntityKind::Event:
        return tr("Event: %1").arg(s.eventTitle(ref.id));
    case EntityKind::Actor:
        if (const auto a = s.actor(ref.id))
            return tr("Actor: %1").arg(a->name);
        break;
    case EntityKind::Relation:
        if (const auto r = s.relation(ref.id)) {
            const auto from = s.actor(r->sourceId), to = s.actor(r->targetId);
            return tr("Relation: %1 %2 %3")
                .arg(from ? from->name : QString(), r->type, to ? to->name : QString());
        }
        break;
    default:
        break;
    }
    return entityKindLabel(ref.kind);
}

int AnnotationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnnotationListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Annotation AnnotationListModel::annotationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Annotation{};
}

QVariant AnnotationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Annotation& a = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return a.id;
    case TargetKindRole:
        return int(a.target.kind);
    case TargetIdRole:
        return a.target.id;
    case Qt::ToolTipRole:
        return plainToolTip(a.body);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case NoteColumn: {
            QString body = a.body.simplified();
            if (a.parentId)
                body = tr("↳ %1").arg(body);
            return a.resolved ? tr("%1 (resolved)").arg(body) : body;
        }
        case TargetColumn:
            return m_targetNames.value((qint64(a.target.kind) << 56) | a.target.id);
        case AuthorColumn:
            return a.author;
        case WhenColumn:
            return QString(a.created.left(16)).replace(u'T', u' ');
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AnnotationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NoteColumn:
        return tr("Note");
    case TargetColumn:
        return tr("About");
    case AuthorColumn:
        return tr("Who");
    case WhenColumn:
        return tr("When (UTC)");
    default:
        return {};
    }
}

AnnotationsPanel::AnnotationsPanel(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection),
      m_model(new AnnotationListModel(story, this)), m_view(new QTreeView),
      m_resolved(new QCheckBox(tr("Show resolved notes")))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setObjectName(QStringLiteral("annotationsView"));
    m_view->setAccessibleName(tr("Notes"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->header()->resizeSection(AnnotationListModel::NoteColumn, 320);
    m_view->header()->resizeSection(AnnotationListModel::TargetColumn, 260);
    layout->addWidget(m_view);
    layout->addWidget(m_resolved);
    connect(m_view, &QTreeView::activated, this, &AnnotationsPanel::jumpTo);
    connect(m_view, &QTreeView::doubleClicked, this, &AnnotationsPanel::jumpTo);
    connect(m_resolved, &QCheckBox::toggled, m_model, &AnnotationListModel::setShowResolved);
}

void AnnotationsPanel::jumpTo(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const EntityRef target{EntityKind(index.data(AnnotationListModel::TargetKindRole).toInt()),
                           index.data(AnnotationListModel::TargetIdRole).toLongLong()};
    if (target.kind == EntityKind::Event)
        m_selection->selectEvents({target.id});
    else if (target.kind == EntityKind::Actor)
        m_selection->selectActors({target.id});
    m_selection->setCurrent(target);
}

} // namespace chronomap
