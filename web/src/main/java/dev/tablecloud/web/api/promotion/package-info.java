/** REST for scheduled promotions from one environment into another, and the history of their runs. */
package dev.tablecloud.web.api.promotion;
