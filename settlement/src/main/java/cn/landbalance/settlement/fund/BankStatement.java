package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.imports.TableFile;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A township fund account's bank statement as banks export it: .xlsx or CSV (UTF-8, GBK, UTF-16), account details and
 * a title above the header, Chinese headers in the words of the major banks (交易日期/记账日期, 收入金额/贷方发生额,
 * 支出金额/借方发生额, or one signed 金额 with a 借贷标志), amounts such as "780,000.00" or "¥-12.34" converted to fen
 * exactly (never through floating point), dates as 2026-12-01, 2026/12/1, 20261201, 2026年12月1日 or an Excel date,
 * and 合计 lines at the end (skipped). A line that cannot be read refuses the file, naming its row.
 */
public final class BankStatement {
    /** One statement line: money in is positive, money out negative; {@code balanceFen} when the bank prints it. */
    public record Line(int row, LocalDate date, long amountFen, String reference, String counterparty,
                       String counterpartyAccount, String memo, Long balanceFen) {
    }

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();
    private static final Set<String> SUMMARY = Set.of("合计", "总计", "小计", "本页合计", "本页小计", "累计", "期初余额", "期末余额",
            "上日余额", "本日合计");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?.*");
    private static final Pattern DASHED_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})([ T].*)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{6})?");
    private static final Pattern EXCEL_DATE = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final Pattern AMOUNT = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    static {
        names("date", "date", "交易日期", "记账日期", "入账日期", "交易时间", "日期", "记账时间", "交易日", "发生日期");
        names("credit", "收入金额", "贷方发生额", "贷方金额", "收入", "存入金额", "贷方发生额(元)", "收入金额(元)", "贷方");
        names("debit", "支出金额", "借方发生额", "借方金额", "支出", "支取金额", "借方发生额(元)", "支出金额(元)", "借方");
        names("amount", "amount", "金额", "交易金额", "发生额", "金额(元)", "交易金额(元)");
        names("direction", "借贷标志", "借贷方向", "收支标志", "借/贷", "收/支", "借贷");
        names("reference", "reference", "交易流水号", "流水号", "凭证号", "银行流水号", "交易序号", "交易参考号", "业务流水号", "柜员流水号");
        names("counterparty", "counterparty", "对方户名", "对方账户名称", "对方名称", "对方单位", "收/付款人名称", "对方账户名");
        names("counterpartyAccount", "对方账号", "对方账户", "对方帐号", "收/付款人账号");
        names("memo", "摘要", "用途", "附言", "备注", "交易摘要", "memo");
        names("balance", "余额", "账户余额", "余额(元)", "balance");
    }

    private BankStatement() {
    }

    private static void names(String column, String... names) {
        for (String name : names) {
            HEADERS.put(norm(name), column);
        }
    }

    public static List<Line> read(byte[] file) {
        List<List<String>> rows = TableFile.read(file).rows();
        int header = -1;
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(30, rows.size()) && header < 0; i++) {
            Map<String, Integer> found = new LinkedHashMap<>();
            List<String> cells = rows.get(i);
            for (int c = 0; c < cells.size(); c++) {
                String column = HEADERS.get(norm(cells.get(c)));
                if (column != null) {
                    found.putIfAbsent(column, c);
                }
            }
            boolean amounts = found.containsKey("amount") || found.containsKey("credit") || found.containsKey("debit");
            if (found.containsKey("date") && amounts && found.size() >= 3) {
                header = i;
                columns = found;
            }
        }
        if (header < 0) {
            throw invalid("找不到银行流水的表头（需有交易日期、金额或收入/支出金额等列）",
                    "no bank statement header found (columns such as 交易日期/date and 金额/amount or 收入金额/支出金额)");
        }
        // an export may have the bank's 摘要 and the payer's 附言/用途 side by side: the memo is all of them
        List<Integer> memoColumns = new ArrayList<>();
        List<String> headerCells = rows.get(header);
        for (int c = 0; c < headerCells.size(); c++) {
            if ("memo".equals(HEADERS.get(norm(headerCells.get(c))))) {
                memoColumns.add(c);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int i = header + 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(String::isBlank) || summary(cells)) {
                continue;
            }
            Line line = line(i + 1, cells, columns);
            if (memoColumns.size() > 1) {
                String memo = memoColumns.stream().filter(c -> c < cells.size()).map(c -> cells.get(c).strip())
                        .filter(m -> !m.isEmpty()).distinct().collect(java.util.stream.Collectors.joining(" / "));
                line = new Line(line.row(), line.date(), line.amountFen(), line.reference(), line.counterparty(),
                        line.counterpartyAccount(), memo, line.balanceFen());
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw invalid("银行流水没有交易行", "the bank statement has no lines");
        }
        return lines;
    }

    private static Line line(int row, List<String> cells, Map<String, Integer> columns) {
        String dateText = cell(cells, columns, "date");
        LocalDate date = date(dateText);
        if (date == null) {
            throw invalid("第 " + row + " 行：日期“" + dateText + "”无法识别", "row " + row + ": cannot read the date '" + dateText + "'");
        }
        long amount;
        if (columns.containsKey("credit") || columns.containsKey("debit")) {
            Long credit = fen(row, cell(cells, columns, "credit"));
            Long debit = fen(row, cell(cells, columns, "debit"));
            amount = (credit == null ? 0 : credit) - (debit == null ? 0 : Math.abs(debit));
        } else {
            Long signed = fen(row, cell(cells, columns, "amount"));
            if (signed == null) {
                throw invalid("第 " + row + " 行：没有金额", "row " + row + ": no amount");
            }
            String direction = cell(cells, columns, "direction");
            boolean out = direction.startsWith("借") || direction.startsWith("支") || direction.equalsIgnoreCase("D")
                    || direction.equalsIgnoreCase("DR");
            amount = out ? -Math.abs(signed) : signed;
        }
        if (amount == 0) {
            throw invalid("第 " + row + " 行：收入和支出金额都为空或为零", "row " + row + ": neither money in nor money out");
        }
        return new Line(row, date, amount, cell(cells, columns, "reference"), cell(cells, columns, "counterparty"),
                cell(cells, columns, "counterpartyAccount"), cell(cells, columns, "memo"), fen(row, cell(cells, columns, "balance")));
    }

    /** 元 as written by banks ("780,000.00", "¥-12.34", "12.3") in whole fen; blank or a dash is null. */
    static Long fen(int row, String text) {
        String s = text.replace("¥", "").replace("￥", "").replace("RMB", "").replace("元", "").replace(" ", "").strip();
        if (s.isEmpty() || s.matches("[-—]+")) {
            return null;
        }
        boolean bracketed = s.startsWith("(") && s.endsWith(")");
        if (bracketed) {
            s = "-" + s.substring(1, s.length() - 1);
        }
        if (!AMOUNT.matcher(s).matches()) {
            throw invalid("第 " + row + " 行：金额“" + text + "”不是以元计的数字", "row " + row + ": '" + text + "' is not an amount in 元");
        }
        BigDecimal yuan = new BigDecimal(s.replace(",", "").replace("+", ""));
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw invalid("第 " + row + " 行：金额“" + text + "”精度超过分", "row " + row + ": '" + text + "' is finer than a fen");
        }
        BigDecimal fen = yuan.movePointRight(2);
        if (fen.abs().compareTo(MAX_FEN) > 0) {
            throw invalid("第 " + row + " 行：金额“" + text + "”超出范围", "row " + row + ": '" + text + "' is out of range");
        }
        return fen.longValueExact();
    }

    /** A trillion yuan: beyond any fund account, well inside a long. */
    private static final BigDecimal MAX_FEN = new BigDecimal("100000000000000");

    /** A statement date in any of the banks' formats, or an Excel date serial; null when it is none of them. */
    static LocalDate date(String text) {
        String s = text.strip();
        try {
            Matcher m = DASHED_DATE.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = CHINESE_DATE.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = COMPACT_DATE.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (EXCEL_DATE.matcher(s).matches()) {
                return LocalDate.of(1899, 12, 30).plusDays(new BigDecimal(s).setScale(0, java.math.RoundingMode.DOWN).longValueExact());
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static boolean summary(List<String> cells) {
        for (int c = 0; c < Math.min(3, cells.size()); c++) {
            String n = norm(cells.get(c)).replace(":", "");
            if (SUMMARY.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : Normalizer.normalize(cells.get(index), Normalizer.Form.NFKC).strip();
    }

    private static String norm(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static DomainException invalid(String zh, String en) {
        return new DomainException(ErrorCode.IMPORT_FILE_INVALID, zh, en);
    }
}
