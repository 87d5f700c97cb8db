#!/usr/bin/env python3
"""Replays the implementation-alignment selection over a dump of every row's scores, to measure
selection rules without rebuilding: the baseline reproduces align_implementation() (its default
ImplementationOptions) and gives alignment_eval's numbers exactly; the variants are the rules
measured in rounds five to eight (bench/README.md, "Alignment, round five" to "eight").

  build/bench/alignment_explain GOLD.tsv... --dump --top 10000 > dump.tsv
  bench/alignment_replay.py dump.tsv GOLD.tsv... [--variant NAME] [--floor F] [--whole-floor F]
                            [--whole-top K] [--csls-k K] [--csls-strength W] [--weight W] [--scale K]
                            [--zh-rank K] [--rescue-min F] [--en-floor F] [--en-rank K]
                            [--rescue-main] [--en-veto V] [--ev-rank K] [--ev-rows N] [--ev-min F]
                            [--ev-whole] [--ev-en-rank K] [--ev-main] [--ratio R] [--whole-only]
                            [--no-agreement] [--agree TIER]... [--no-anchor] [--anchor-chars N]
                            [--anchor-min F] [--anchor-en-rank K] [--anchor-text L,K] [--verbose]

Variants (each on top of the Chinese selection unless said otherwise):
  baseline      the engine's selection: the Chinese, and the English rescue (below) with the
                engine's defaults, and the agreement rule (round eight: a candidate the Chinese and
                the English both rank first meets the rescue's floors unweighed; --no-agreement:
                without it, the engine of round seven)
  chinese       the Chinese alone (the engine before round six; the base of round five's variants)
  rescue        a row's candidate among the Chinese's first --zh-rank, from --rescue-min, also
                links when it is the row's first in English (--en-rank 1; 0: any) and its English
                similarity reaches --en-floor (the engine's form, EnglishSignal::Rescue);
                --rescue-main: only articles of the laws the local title names
  max           score max(zh, w en) (--weight; EnglishSignal::Max, alignment_eval --english-weight)
  mean          score (1 - w) zh + w k en (--weight, --scale: k puts the English on the Chinese scale)
  geo           score sqrt(zh k en)
  mutual        a row's best national article also links, from --floor (segments) and
                --whole-floor (whole articles), when no other local article has a row closer to
                that national article (mutual best); with --whole-top K only when that article
                is among the K best of the local article as a whole
  union         instead of the whole article's best three within 50%: its best alone, plus each
                segment's best from --floor (one national article per local sentence or item)
  csls          the Chinese selection over s - w (r(row) + r(article)) / 2 (w: --csls-strength;
                at 1, CSLS halved), r the mean of the top --csls-k scores of that row or of that
                national article over the rows of the same kind (a hubness correction: genus
                articles close to every row count less); the floors then are --whole-floor and
                --floor, the companion's follow the whole floor
  evidence      (with the rescue) a national article that --ev-rows or more rows of the local
                article (its sentences and items; --ev-whole: the whole article too) rank among
                their first --ev-rank, each from --ev-min (--ev-en-rank K: and among the row's
                first K in English too; --ev-main: main-law articles only), also links
  agree         (with the rescue) further agreement tiers (--agree, repeatable): a row's first
                national article in both languages linked from lower floors, optionally only
                where it is the reciprocal best, well ahead of the row's second, in whole rows
                or in segments, or of the main law
  distinct      (with the rescue) a row's best from --floor when it is at least --ratio times the
                row's next article (--whole-only: whole-article rows only)
  --en-veto V   (any variant) drop a picked article whose best English similarity in the local
                article is under V

The anchor rule (round nine, in the baseline and the variants with the rescue; --no-anchor: without
it, the engine of round eight): a row's first national article (weighed) from --anchor-min links
when the row's longest phrase that one national article first uses (every 4-character gram in at
most 5 articles of its law; alignment_explain dumps it with each row) is that article's and has at
least --anchor-chars characters, and the English (weighed as the Chinese) ranks that article
among the row's first --anchor-en-rank (default 3, the engine's anchor_english_rank; 0: not
asked). --anchor-text L,K recomputes that phrase from the dumped texts instead: grams of L ideographs in at most K articles of their law (K 0: any), each credited to the
first article holding it. The dumped national texts are the articles whole, boilerplate included,
so its phrases differ a little from the engine's (which compares the articles less boilerplate).

The dump's English column (alignment_explain since round six) is -1 where either side has none.

Exit codes: 0 scored, 2 bad arguments or an unreadable dump or gold file.
"""
import argparse
import sys

# ImplementationOptions' defaults (indexer/implementation_alignment.h).
MIN_SCORE, RELATIVE, PER_ARTICLE = 0.20, 0.50, 3
SEGMENT_MIN_SCORE, SEGMENT_RELATIVE, PER_SEGMENT = 0.30, 0.80, 2
OTHER_LAW_WEIGHT, COMPANION_TRIGGER, COMPANION_SHARE, COMPANION_MIN_SCORE = 0.80, 0.20, 0.40, 0.10


def article_of(provision):
    """cel-2014/art21/para1/item2 -> cel-2014/art21"""
    return '/'.join(provision.split('/')[:2])


def read_dump(path):
    """Per local law: its parents (id -> mainly implemented), cited pairs and rows, each row's
    scores sorted best first (stable: ties keep the parents' order, as the engine's pass does)."""
    laws = {}
    row = None
    for line in open(path, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        law = laws.setdefault(f[1], {'main': {}, 'cites': set(), 'rows': []}) if f[0] != 'score' else None
        if f[0] == 'parent':
            law['main'][f[2]] = f[3] == '1'
        elif f[0] == 'cite':
            law['cites'].add((int(f[2]), f[3]))
        elif f[0] == 'row':  # then, since round nine: its text, its anchor (national provision, -) and length
            row = {'article': int(f[2]), 'whole': f[4] == '1', 'scores': [], 'english': {},
                   'text': f[6] if len(f) > 6 else '', 'anchor': (f[7], int(f[8])) if len(f) > 8 and f[7] != '-' else None}
            law['rows'].append(row)
        elif f[0] == 'national':  # each national article's text, folded (round nine)
            law.setdefault('national', {})[f[2]] = f[3]
        elif f[0] == 'score':  # Chinese similarity, then English (-1: none; older dumps lack it)
            row['scores'].append((f[2], float(f[3])))
            row['english'][f[2]] = float(f[4]) if len(f) > 4 else -1.0
    return laws


def read_gold(path):
    """(local law, {(local article, national article): core}, additions, national laws)"""
    pairs, additions, national, local = {}, [], set(), None
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        local = f[0].split('/')[0]
        if f[1] == 'none':
            additions.append(article_of(f[0]))
            continue
        national.add(f[1].split('/')[0])
        key = (article_of(f[0]), article_of(f[1]))
        pairs[key] = pairs.get(key, False) or f[2] == 'core'
    return local, pairs, additions, national


def top(scores, n, floor, share):
    """The engine's top(): the first n (best first) from floor, then those under share of the best dropped."""
    best = [m for m in scores if m[1] >= floor][:n]
    while best and best[-1][1] < best[0][1] * share:
        best.pop()
    return best


def law_weight(law, name):
    return 1.0 if law['main'][name.split('/')[0]] else OTHER_LAW_WEIGHT


def weighted_rows(law):
    """Each row's scores with the laws the local title does not name weighed down, best first."""
    return [sorted(((n, s * law_weight(law, n)) for n, s in r['scores']), key=lambda m: -m[1]) for r in law['rows']]


def english_ranked(law, row):
    """A row's national articles by English similarity (weighed as the Chinese), best first; none
    without English."""
    return sorted(((n, e * law_weight(law, n)) for n, e in row['english'].items() if e >= 0), key=lambda m: -m[1])


def combine(law, args):
    """The Chinese score replaced by one that includes the English, where both sides have some:
    max: max(zh, w en); mean: (1 - w) zh + w k en; geo: sqrt(zh k en) (k: --scale, the English
    put on the Chinese scale)."""
    for r in law['rows']:
        out = []
        for n, zh in r['scores']:
            en = r['english'].get(n, -1.0)
            if en >= 0:
                if args.variant == 'max':
                    zh = max(zh, args.weight * en)
                elif args.variant == 'mean':
                    zh = (1 - args.weight) * zh + args.weight * args.scale * en
                elif args.variant == 'geo':
                    zh = (zh * args.scale * en) ** 0.5
            out.append((n, zh))
        r['scores'] = sorted(out, key=lambda m: -m[1])


def articles(rows):
    """[begin, end) of each local article's rows (its whole row first)."""
    begin = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i]['whole']:
            yield begin, i
            begin = i


def select(law, args):
    rows, scores = law['rows'], weighted_rows(law)
    column_best = {}  # national article -> (score, local article) of its closest row
    for r, ranked in zip(rows, scores):
        for n, s in ranked:
            if s > column_best.get(article_of(n), (-1, None))[0]:
                column_best[article_of(n)] = (s, r['article'])
    best_row_zh, best_row_en = {}, {}  # (row kind or None, national article) -> local article of its closest row
    for r, ranked in zip(rows, scores):
        en_ranked = english_ranked(law, r)
        for kind in (None, r['whole']):
            for table, pairs in ((best_row_zh, ranked), (best_row_en, en_ranked)):
                for n, s in pairs:
                    key = (kind, article_of(n))
                    if s > table.get(key, (-1, None))[0]:
                        table[key] = (s, r['article'])
    best_row_zh = {k: v[1] for k, v in best_row_zh.items()}
    best_row_en = {k: v[1] for k, v in best_row_en.items()}
    # csls scores are on another scale: its floors are given (the companion's follow the whole floor).
    rescaled = args.variant == 'csls'
    whole_min = args.whole_floor if rescaled else MIN_SCORE
    segment_min = args.floor if rescaled else SEGMENT_MIN_SCORE
    trigger = args.whole_floor if rescaled else COMPANION_TRIGGER
    companion_min = args.whole_floor / 2 if rescaled else COMPANION_MIN_SCORE
    out = set()
    for begin, end in articles(rows):
        picked = set()
        whole = top(scores[begin], PER_ARTICLE, whole_min, RELATIVE)
        if args.variant == 'union':
            whole = whole[:1]
            segments = [top(scores[i], 1, args.floor, 0) for i in range(begin + 1, end)]
        else:
            segments = [top(scores[i], PER_SEGMENT, segment_min, SEGMENT_RELATIVE) for i in range(begin + 1, end)]
        for m in whole + [m for seg in segments for m in seg]:
            picked.add(article_of(m[0]))
        for i in range(begin, end):  # the main law's companion of a row whose best is another law's
            ranked = scores[i]
            mains = [m for m in ranked if law['main'][m[0].split('/')[0]]]
            if not ranked or not mains or law['main'][ranked[0][0].split('/')[0]] or ranked[0][1] < trigger:
                continue
            if mains[0][1] >= COMPANION_SHARE * ranked[0][1] and mains[0][1] >= companion_min:
                picked.add(article_of(mains[0][0]))
        if args.variant == 'mutual':
            near_whole = {article_of(n) for n, _ in scores[begin][:args.whole_top]} if args.whole_top else None
            for i in range(begin, end):
                if not scores[i]:
                    continue
                n, s = scores[i][0]
                floor = args.whole_floor if rows[i]['whole'] else args.floor
                if s >= floor and column_best[article_of(n)][1] == rows[i]['article'] and (near_whole is None or article_of(n) in near_whole):
                    picked.add(article_of(n))
        if args.variant in ('baseline', 'rescue', 'evidence', 'distinct', 'agree'):
            # A candidate the Chinese ranks among its first --zh-rank but under the floors, taken
            # when the English agrees: from --en-floor, and (--en-rank 1) the English's first too.
            for i in range(begin, end):
                english = english_ranked(law, rows[i])
                if not english:
                    continue
                first_english = {article_of(n) for n, _ in english[:args.en_rank]} if args.en_rank else None
                en_of = {article_of(n): e for n, e in english}
                if args.en_raw:  # the floor on the English similarity itself, other laws not weighed down
                    en_of = {article_of(n): e for n, e in rows[i]['english'].items()}
                for n, zh in scores[i][:args.zh_rank]:
                    a = article_of(n)
                    if a in picked or zh < args.rescue_min or en_of.get(a, -1) < args.en_floor or (args.rescue_main and not law['main'][a.split('/')[0]]):
                        continue
                    if first_english is None or a in first_english:
                        picked.add(a)
        if args.variant in ('baseline', 'rescue', 'evidence', 'distinct', 'agree'):
            # A row whose first national article is the same in Chinese and in English (two
            # independent signals agreeing). The engine's (round eight; --no-agreement: without):
            # the rescue's floors on its similarities unweighed. Each --agree tier adds one:
            # zh=F,en=F[,raw][,recip=zh|en|both][,kind][,second=R][,esecond=R][,rows=whole|seg][,main]
            # (raw: the floors on the similarities, other laws not weighed down; recip: this local
            # article holds that national article's closest row (kind: among rows of the same kind);
            # second / esecond: the Chinese / English first at least R times the row's second).
            tiers = [] if args.no_agreement else [f'zh={args.rescue_min},en={args.en_floor},raw']
            for tier in tiers + (args.agree or [] if args.variant == 'agree' else []):
                t = dict((kv.split('=') + [''])[:2] for kv in tier.split(','))
                for i in range(begin, end):
                    rows_kind = t.get('rows')
                    if (rows_kind == 'whole' and not rows[i]['whole']) or (rows_kind == 'seg' and rows[i]['whole']):
                        continue
                    english = english_ranked(law, rows[i])
                    if not english or not scores[i]:
                        continue
                    n_zh, zh = scores[i][0]
                    n_en, en = english[0]
                    a = article_of(n_zh)
                    if a != article_of(n_en) or a in picked:
                        continue
                    if 'raw' in t:
                        zh = dict(rows[i]['scores'])[n_zh]
                        en = rows[i]['english'][n_en]
                    if zh < float(t.get('zh', 0)) or en < float(t.get('en', 0)):
                        continue
                    if 'second' in t and len(scores[i]) > 1 and scores[i][1][1] * float(t['second']) > scores[i][0][1]:
                        continue
                    if 'esecond' in t and len(english) > 1 and english[1][1] * float(t['esecond']) > english[0][1]:
                        continue
                    if 'main' in t and not law['main'][a.split('/')[0]]:
                        continue
                    kind = rows[i]['whole'] if 'kind' in t else None
                    recip = t.get('recip')
                    if recip in ('zh', 'both') and best_row_zh[(kind, a)] != rows[i]['article']:
                        continue
                    if recip in ('en', 'both') and best_row_en[(kind, a)] != rows[i]['article']:
                        continue
                    picked.add(a)
        if args.variant in ('baseline', 'rescue', 'evidence', 'distinct', 'agree') and not args.no_anchor:
            for i in range(begin, end):
                anchor = rows[i]['anchor']
                if not anchor or anchor[1] < args.anchor_chars or not scores[i]:
                    continue
                zh = dict(scores[i]).get(anchor[0], -1.0)
                if zh < args.anchor_min or zh < scores[i][0][1]:
                    continue
                if args.anchor_en_rank:
                    # Confirmed by the English: fewer than --anchor-en-rank national articles
                    # more similar in English (weighed as the Chinese, as the engine compares them).
                    english = dict(english_ranked(law, rows[i]))
                    if anchor[0] not in english or sum(1 for e in english.values() if e > english[anchor[0]]) >= args.anchor_en_rank:
                        continue
                picked.add(article_of(anchor[0]))
        if args.variant == 'evidence':
            # A national article that several rows of the local article rank among their first
            # --ev-rank (each from --ev-min), though no row reaches a floor with it.
            counts = {}
            for i in range(begin, end):
                if rows[i]['whole'] and not args.ev_whole:
                    continue
                english_first = {article_of(n) for n, _ in english_ranked(law, rows[i])[:args.ev_en_rank]}
                for n, s in scores[i][:args.ev_rank]:
                    if args.ev_en_rank and article_of(n) not in english_first:
                        continue
                    if s >= args.ev_min and (not args.ev_main or law['main'][n.split('/')[0]]):
                        counts[article_of(n)] = counts.get(article_of(n), 0) + 1
            picked |= {a for a, c in counts.items() if c >= args.ev_rows}
        if args.variant == 'distinct':
            # A row's best from --floor when it stands --ratio times above the row's next article.
            for i in range(begin, end):
                ranked = scores[i]
                if args.whole_only and not rows[i]['whole']:
                    continue
                if len(ranked) >= 2 and ranked[0][1] >= args.floor and ranked[0][1] >= args.ratio * ranked[1][1]:
                    picked.add(article_of(ranked[0][0]))
        if args.en_veto > 0:  # an English similarity this low says the Chinese matched boilerplate
            en_best = {}
            for i in range(begin, end):
                for n, e in rows[i]['english'].items():
                    en_best[article_of(n)] = max(en_best.get(article_of(n), -1.0), e)
            picked = {a for a in picked if not 0 <= en_best.get(a, -1.0) < args.en_veto}
        out |= {(rows[begin]['article'], a) for a in picked}
    return out


def is_ideograph(c):
    return '\u3400' <= c <= '\u9fff' or '\uf900' <= c <= '\ufaff'


def anchors_from_text(law, gram, max_articles):
    """Each row's anchor recomputed from the dumped texts (--anchor-text): the national article
    whose first-used grams make the row's longest run, None where two articles tie."""
    first = {}  # (law id, gram) -> first article, or None past max_articles
    counts = {}
    for name, text in law.get('national', {}).items():  # in the parents' order, each law's articles in order
        seen = set()
        for i in range(len(text) - gram + 1):
            g = text[i:i + gram]
            if g in seen or not all(is_ideograph(c) for c in g):
                continue
            seen.add(g)
            key = (name.split('/')[0], g)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, name)
    laws = sorted({name.split('/')[0] for name in law.get('national', {})})
    for r in law['rows']:
        best, tied, runs = None, False, {}
        text = r['text']
        for i in range(len(text) - gram + 1):
            g = text[i:i + gram]
            now = {}
            for lid in laws:
                key = (lid, g)
                if key in first and (not max_articles or counts[key] <= max_articles):
                    a = first[key]
                    now[a] = runs.get(a, 0) + 1
                    chars = now[a] + gram - 1
                    if not best or chars > best[1]:
                        best, tied = (a, chars), False
                    elif chars == best[1] and a != best[0]:
                        tied = True
            runs = now
        # The dump's scores name the article's best unit: the anchor names the article, and is
        # matched to that unit by its article.
        if best and not tied:
            unit = next((n for n, _ in r['scores'] if article_of(n) == best[0]), None)
            r['anchor'] = (unit, best[1]) if unit else None
        else:
            r['anchor'] = None


def csls(law, k, strength):
    """Scores replaced by s - strength (r(row) + r(article)) / 2, r(article) over the rows of the same kind
    (strength 1: CSLS halved, the scale of the similarity kept)."""
    def mean_top(values):
        values = sorted(values, reverse=True)[:k]
        return sum(values) / len(values) if values else 0.0
    by_column = {}
    for r in law['rows']:
        for n, s in r['scores']:
            by_column.setdefault((r['whole'], article_of(n)), []).append(s)
    r_column = {key: mean_top(v) for key, v in by_column.items()}
    for r in law['rows']:
        r_row = mean_top(s for _, s in r['scores'])
        r['scores'] = [(n, s - strength * 0.5 * (r_row + r_column[(r['whole'], article_of(n))])) for n, s in r['scores']]


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('dump')
    p.add_argument('gold', nargs='+')
    p.add_argument('--variant', choices=['baseline', 'chinese', 'mutual', 'union', 'csls', 'max', 'mean', 'geo', 'rescue', 'evidence', 'distinct', 'agree'], default='baseline')
    p.add_argument('--weight', type=float, default=0.5, help='max, mean, geo: the English share')
    p.add_argument('--scale', type=float, default=1.0, help='mean, geo: the English put on the Chinese scale')
    p.add_argument('--zh-rank', type=int, default=2, help='rescue: among the Chinese first K of the row')
    p.add_argument('--rescue-min', type=float, default=0.10, help='rescue: the Chinese similarity needed')
    p.add_argument('--en-floor', type=float, default=0.45, help='rescue: the English similarity needed')
    p.add_argument('--en-rank', type=int, default=1, help="rescue: among the English first K of the row (0: any)")
    p.add_argument('--en-raw', action='store_true', help="rescue: --en-floor on the English similarity, not weighed as other laws' are")
    p.add_argument('--rescue-main', action='store_true', help='rescue: only articles of the laws the local title names')
    p.add_argument('--en-veto', type=float, default=0.0, help='drop a picked article whose best English similarity is under this')
    p.add_argument('--floor', type=float, default=0.16, help='segments (mutual, union, csls)')
    p.add_argument('--whole-floor', type=float, default=0.16, help='whole articles (mutual, csls)')
    p.add_argument('--whole-top', type=int, default=0, help='mutual: only among the K best of the whole article (0: any)')
    p.add_argument('--ratio', type=float, default=2.0, help='distinct: times the next article')
    p.add_argument('--whole-only', action='store_true', help='distinct: whole-article rows only')
    p.add_argument('--ev-rank', type=int, default=2, help='evidence: among the first K of each row')
    p.add_argument('--ev-rows', type=int, default=2, help='evidence: in at least this many rows')
    p.add_argument('--ev-min', type=float, default=0.10, help='evidence: each from this Chinese similarity')
    p.add_argument('--ev-whole', action='store_true', help='evidence: the whole-article row counts as one')
    p.add_argument('--ev-en-rank', type=int, default=0, help='evidence: and among the first K of the row in English (0: not asked)')
    p.add_argument('--ev-main', action='store_true', help='evidence: only articles of the laws the title names')
    p.add_argument('--no-agreement', action='store_true', help="without the engine's agreement rule (round seven's engine)")
    p.add_argument('--agree', action='append', help='agree: a tier, zh=F,en=F[,raw][,recip=zh|en|both][,kind][,second=R][,esecond=R][,rows=whole|seg][,main] (repeatable)')
    p.add_argument('--no-anchor', action='store_true', help="without the engine's anchor rule (round eight's engine)")
    p.add_argument('--anchor-chars', type=int, default=9, help='anchor: the phrase length needed')
    p.add_argument('--anchor-min', type=float, default=0.10, help='anchor: the Chinese similarity needed (weighed)')
    p.add_argument('--anchor-en-rank', type=int, default=3,
                   help="anchor: the English must rank the article among the row's first K (0: not asked)")
    p.add_argument('--anchor-text', help='anchor: L,K: recomputed from the dumped texts (grams of L, in at most K articles; K 0: any)')
    p.add_argument('--csls-k', type=int, default=10)
    p.add_argument('--csls-strength', type=float, default=1.0)
    p.add_argument('--verbose', action='store_true', help='list the wrong pairs and the core pairs missed')
    args = p.parse_args()
    known = {'zh', 'en', 'raw', 'recip', 'kind', 'second', 'esecond', 'rows', 'main'}
    for tier in args.agree or []:  # checked here: a bad tier is a usage error, not a traceback mid-run
        t = dict((kv.split('=') + [''])[:2] for kv in tier.split(','))
        try:
            if not set(t) <= known or t.get('recip', 'zh') not in ('zh', 'en', 'both') or t.get('rows', 'all') not in ('all', 'whole', 'seg'):
                raise ValueError(tier)
            for k in ('zh', 'en', 'second', 'esecond'):
                if k in t:
                    float(t[k])
        except ValueError:
            print(f'alignment_replay: bad --agree tier: {tier}', file=sys.stderr)
            return 2
    if args.anchor_text:
        try:
            gram, max_articles = (int(x) for x in args.anchor_text.split(','))
            if gram < 2 or max_articles < 0:
                raise ValueError(args.anchor_text)
        except ValueError:
            print(f'alignment_replay: bad --anchor-text: {args.anchor_text} (want L,K)', file=sys.stderr)
            return 2
    try:
        laws = read_dump(args.dump)
        golds = [read_gold(g) for g in args.gold]
    except (OSError, IndexError, ValueError, KeyError) as e:
        print(f'alignment_replay: cannot read the dump or a gold file: {e}', file=sys.stderr)
        return 2
    for local, pairs, additions, national in golds:
        law = laws.get(local)
        if law is None:
            print(f'{local}: not in the dump', file=sys.stderr)
            return 2
        if args.anchor_text:
            gram, max_articles = (int(x) for x in args.anchor_text.split(','))
            anchors_from_text(law, gram, max_articles)
        if args.variant == 'csls':
            csls(law, args.csls_k, args.csls_strength)
        elif args.variant in ('max', 'mean', 'geo'):
            combine(law, args)
        predicted = {(f'{local}/art{a}', n) for a, n in select(law, args) | law['cites'] if n.split('/')[0] in national}
        right = sum(1 for x in predicted if x in pairs)
        core = [x for x, c in pairs.items() if c]
        core_found = sum(1 for x in core if x in predicted)
        found = sum(1 for x in pairs if x in predicted)
        linked = {a for a, _ in predicted}
        kept = sum(1 for a in additions if a not in linked)
        print(f'{local:<22} precision {right / max(1, len(predicted)):.3f} ({right}/{len(predicted)})  '
              f'recall {found / len(pairs):.3f} ({found}/{len(pairs)})  core recall {core_found / len(core):.3f} ({core_found}/{len(core)})  '
              f'additions kept {kept}/{len(additions)}')
        if args.verbose:
            for x in sorted(predicted - pairs.keys()):
                print(f'  wrong   {x[0]} -> {x[1]}')
            for x in sorted(set(core) - predicted):
                print(f'  missed  {x[0]} -> {x[1]}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
