package cn.landbalance.settlement.event;

import java.time.LocalDate;

/** Money: postings, payment notices, the fund's account and expenses, fees, the county's reserve. */
public sealed interface MoneyEvent extends DomainEvent {

    /** Any transfer between two accounts, announced on the credited one. */
    record AccountPosting(@Envelope Long countyId, @Envelope Long regionId, long transferId, long debitAccountId,
                          long creditAccountId, String creditAccountKind, long amountFen, String kind, String reference,
                          String memo) implements MoneyEvent {
        @Override
        public EventType type() {
            return EventType.ACCOUNT_POSTING;
        }

        @Override
        public long aggregateId() {
            return creditAccountId;
        }
    }

    record BankAccountSet(@Envelope Long countyId, long townshipId, String accountName, String bankName, String accountNo)
            implements MoneyEvent {
        @Override
        public EventType type() {
            return EventType.FUND_BANK_ACCOUNT_SET;
        }

        @Override
        public long aggregateId() {
            return townshipId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    record PaymentNoticeChanged(@Envelope EventType type, @Envelope Long countyId, long noticeId, String kind, Long orderId,
                                Long applicationId, long townshipId, long payerOrgId, long areaM2, long amountFen,
                                String remittanceCode, LocalDate dueOn, String status, String bankSerial, LocalDate receivedOn,
                                Long rulesVersionId) implements MoneyEvent {
        public PaymentNoticeChanged {
            type.requireIn(EventType.PAYMENT_NOTICE_ISSUED, EventType.PAYMENT_NOTICE_PAID, EventType.PAYMENT_NOTICE_EXPIRED,
                    EventType.PAYMENT_NOTICE_CANCELLED);
        }

        @Override
        public long aggregateId() {
            return noticeId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    record ExpenseChanged(@Envelope EventType type, @Envelope Long countyId, long expenseId, long townshipId, long amountFen,
                          String category, Long inflowProjectId, String payeeName, String status, String note,
                          String bankSerial, LocalDate paidOn, Long transferId) implements MoneyEvent {
        public ExpenseChanged {
            type.requireIn(EventType.EXPENSE_PROPOSED, EventType.EXPENSE_APPROVED, EventType.EXPENSE_REJECTED,
                    EventType.EXPENSE_WITHDRAWN, EventType.EXPENSE_CANCELLED, EventType.EXPENSE_PAID);
        }

        @Override
        public long aggregateId() {
            return expenseId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    record FeePaid(@Envelope Long countyId, long feePaymentId, long applicationId, long applicantOrgId, long townshipId,
                   long areaM2, long amountFen, String paymentReference) implements MoneyEvent {
        @Override
        public EventType type() {
            return EventType.FEE_PAID;
        }

        @Override
        public long aggregateId() {
            return applicationId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    /** A fee's application ended without its conversion: the money refunded ({@code transferId}) or kept. */
    record FeeReversed(@Envelope EventType type, @Envelope Long countyId, long feePaymentId, long applicationId,
                       long applicantOrgId, long townshipId, long areaM2, long amountFen, String paymentReference,
                       Long transferId) implements MoneyEvent {
        public FeeReversed {
            type.requireIn(EventType.FEE_REFUNDED, EventType.FEE_KEPT);
        }

        @Override
        public long aggregateId() {
            return applicationId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }

    record FeeDelivered(@Envelope Long countyId, @Envelope long feePaymentId, @Envelope Long regionId, long deliveryId,
                        long applicationId, long lotId, long areaM2, long owedM2) implements MoneyEvent {
        @Override
        public EventType type() {
            return EventType.FEE_DELIVERED;
        }

        @Override
        public long aggregateId() {
            return feePaymentId;
        }
    }

    record ReserveTransferredIn(@Envelope Long countyId, long reserveTransferId, long townshipId, long fromLotId, long toLotId,
                                long areaM2, String compensation, long amountFen, Long transferId, String reason,
                                Long rulesVersionId) implements MoneyEvent {
        @Override
        public EventType type() {
            return EventType.RESERVE_TRANSFERRED_IN;
        }

        @Override
        public long aggregateId() {
            return reserveTransferId;
        }

        @Override
        public Long regionId() {
            return townshipId;
        }
    }
}
