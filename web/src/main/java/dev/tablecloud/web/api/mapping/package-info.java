/** REST for an environment's value mappings, applied to SQL exported for it. */
package dev.tablecloud.web.api.mapping;
