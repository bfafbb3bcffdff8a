package org.mlops4j.report.internal;

/**
 * The one stylesheet of every page: a readable column, tables with right-aligned numbers, callouts,
 * headline tiles, a wrapping grid of chart panels, and a print stylesheet (folded blocks printed
 * open, no breaks inside a chart or a table row, colours kept).
 */
public final class PageCss {
  private PageCss() {}

  /** The stylesheet. */
  public static final String CSS =
      String.join(
          "\n",
          ":root{--ink:#222;--muted:#666;--line:#e2e4e8;--soft:#f6f7f9;--accent:#1f4e79}",
          "*{box-sizing:border-box}",
          "html{-webkit-text-size-adjust:100%}",
          "body{margin:0;background:#fff;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"
              + "'Segoe UI',Roboto,'Helvetica Neue',Arial,'DejaVu Sans',sans-serif}",
          "main{max-width:1180px;margin:0 auto;padding:28px 32px 40px}",
          "h1{font-size:26px;line-height:1.25;margin:0 0 4px;font-weight:650}",
          ".subtitle{color:var(--muted);margin:0 0 14px;font-size:15px}",
          "h2{font-size:19px;margin:32px 0 10px;padding-bottom:6px;"
              + "border-bottom:1px solid var(--line);font-weight:650}",
          "h3{font-size:16px;margin:22px 0 8px;font-weight:600}",
          "h4,h5,h6{font-size:14px;margin:16px 0 6px;font-weight:600}",
          "p{margin:6px 0 10px;max-width:80ch}",
          ".note{color:var(--muted);font-size:12.5px}",
          ".about{background:var(--soft);border:1px solid var(--line);border-radius:6px;"
              + "padding:10px 16px 6px;margin:10px 0 18px}",
          ".about h2{font-size:11.5px;text-transform:uppercase;letter-spacing:.06em;"
              + "color:var(--muted);border:0;margin:0 0 4px;padding:0;font-weight:600}",
          "dl.kv{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));"
              + "gap:6px 18px;margin:6px 0 10px}",
          "dl.kv dt{color:var(--muted);font-size:12px}",
          "dl.kv dd{margin:0;font-weight:500;overflow-wrap:anywhere}",
          "nav.toc{font-size:13px;margin:0 0 8px}",
          "nav.toc span{color:var(--muted);margin-right:10px}",
          "nav.toc a{color:var(--accent);text-decoration:none;margin-right:16px}",
          "table{border-collapse:collapse;margin:8px 0 12px;font-size:13px}",
          "th,td{padding:5px 12px 5px 8px;border-bottom:1px solid var(--line);text-align:left;"
              + "vertical-align:top}",
          "th{font-weight:600;background:var(--soft);border-bottom:1px solid #c9ccd2}",
          "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}",
          "caption{caption-side:top;text-align:left;color:var(--muted);font-size:12.5px;"
              + "padding:0 0 4px}",
          "tr.tone-muted td{color:#8a8a8a}",
          "tr.tone-bad td:first-child,tr.tone-warning td:first-child,tr.tone-good td:first-child"
              + "{box-shadow:inset 3px 0 var(--tone)}",
          "details{margin:6px 0 14px}",
          "summary{cursor:pointer;color:var(--accent);font-weight:500;padding:2px 0}",
          ".tone-good{--tone:#2e7d32;--tone-bg:#edf6ee}.tone-bad{--tone:#b3261e;--tone-bg:#fbeeed}",
          ".tone-warning{--tone:#b26a00;--tone-bg:#fff4e2}"
              + ".tone-neutral{--tone:#1f4e79;--tone-bg:#eef3f8}",
          ".tone-muted{--tone:#9a9a9a;--tone-bg:var(--soft)}",
          ".callout{border-left:5px solid var(--tone);background:var(--tone-bg);border-radius:4px;"
              + "padding:10px 14px;margin:10px 0 14px}",
          ".callout-title{font-weight:650;font-size:16px}",
          ".callout-text{margin-top:2px}",
          ".callout .sign{display:inline-block;width:1.3em;color:var(--tone)}",
          ".figures{display:flex;flex-wrap:wrap;gap:12px;margin:10px 0 16px}",
          ".figure{border:1px solid var(--line);border-top:4px solid var(--tone);border-radius:6px;"
              + "padding:8px 12px 10px;flex:1 1 150px;max-width:280px}",
          ".figure-label{color:var(--muted);font-size:12px}",
          ".figure-label .sign{color:var(--tone);margin-right:4px}",
          ".figure-value{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums;"
              + "line-height:1.3}",
          ".figure-detail{color:var(--muted);font-size:12px}",
          ".grid{display:flex;flex-wrap:wrap;gap:18px 28px;align-items:flex-start;margin:8px 0}",
          ".panel{min-width:0;max-width:100%}",
          "svg.chart{display:block;max-width:100%;height:auto;margin:6px 0}",
          "pre{white-space:pre-wrap;background:var(--soft);padding:8px 10px;border-radius:4px;"
              + "font-size:12.5px}",
          "footer{margin-top:36px;padding-top:10px;border-top:1px solid var(--line);"
              + "color:var(--muted);font-size:12px}",
          "@media print{",
          "  body{font-size:10pt}main{max-width:none;padding:0}",
          "  nav.toc{display:none}summary{list-style:none;color:var(--ink)}",
          "  details::details-content{content-visibility:visible;display:block}",
          "  details>*{display:block}",
          "  h2,h3{break-after:avoid}",
          "  svg.chart,tr,.figure,.callout,dl.kv>div{break-inside:avoid}",
          "  .callout,.figure,.about,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}",
          "  a{color:inherit;text-decoration:none}",
          "}",
          "");
}
