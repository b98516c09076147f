/*
 * events.c - the event calendar that resolves event-bounded periods
 * ("đến khi tổ chức thành công Đại hội … lần thứ XIV"). Source:
 * shared/domain/rules.md §10. Keys are matched on the accent-free,
 * lower-case text; a row matches when all its keys occur.
 */
#include <stdlib.h>
#include <string.h>

#include "plan/data.h"

static const char *const k_dh14[] = {"dai hoi", "toan quoc", "xiv", "dang", NULL};
static const char *const k_dh14_short[] = {"dai hoi xiv", "dang", NULL};

static const plan_event events[] = {
    {"Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", k_dh14,
     {2026, 1, 19}, {2026, 1, 23},
     "vnexpress, 24h, soha, dantri: held 19–23/01/2026 (rules.md §10)", "V2"},
    {"Đại hội XIV của Đảng", k_dh14_short,
     {2026, 1, 19}, {2026, 1, 23},
     "as above (rules.md §10)", "V2"},
};

size_t plan_event_count(void)
{
    return sizeof events / sizeof *events;
}

const plan_event *plan_event_get(int i)
{
    return i >= 0 && (size_t)i < plan_event_count() ? &events[i] : NULL;
}

int plan_event_match(const char *text)
{
    char *f = plan_utf8_fold_ascii(text);
    int found = -1;
    for (size_t i = 0; i < plan_event_count() && found < 0; i++) {
        int all = 1;
        for (const char *const *k = events[i].keys; *k; k++)
            if (!strstr(f, *k)) {
                all = 0;
                break;
            }
        if (all)
            found = (int)i;
    }
    free(f);
    return found;
}
