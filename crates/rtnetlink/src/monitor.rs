//! Monitoring: subscribe to `RTNLGRP_*` groups, receive typed events.
