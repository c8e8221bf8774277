using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NameTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID, as for the pairs: the postings are stored once, in the primary key's b-tree.
            migrationBuilder.Sql("""
                CREATE TABLE "NameTrigrams" (
                    "Gram" TEXT NOT NULL,
                    "Uscc" TEXT NOT NULL,
                    "Position" INTEGER NOT NULL,
                    CONSTRAINT "PK_NameTrigrams" PRIMARY KEY ("Gram", "Uscc", "Position")
                ) WITHOUT ROWID;
                """);

            // Every name already on the register gets its runs of three from the catch-up (its pairs are kept).
            migrationBuilder.Sql("""UPDATE "Enterprises" SET "NameIndexed" = FALSE WHERE "NameIndexed";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NameTrigrams");
        }
    }
}
