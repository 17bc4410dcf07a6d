//! rtnetlink multicast groups (`enum rtnetlink_groups`, linux/rtnetlink.h).
