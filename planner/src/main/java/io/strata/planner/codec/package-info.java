/**
 * Codecs between SQL values and storage bytes: {@link io.strata.planner.codec.KeyCodec} writes
 * keys whose unsigned byte order equals SQL order (so predicates become key ranges), and
 * {@link io.strata.planner.codec.RowCodec} writes rows compactly, addressed by stable column ids.
 * Values are the planner's row values: Long, Double, BigDecimal, String, Boolean, LocalDate,
 * LocalTime, LocalDateTime, byte[] or null.
 */
package io.strata.planner.codec;
