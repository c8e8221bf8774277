using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NameTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NameTrigrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NameTrigrams", x => new { x.Gram, x.Uscc, x.Position });
                });

            // Two parallel workers took 9 ms to start for a join of postings that ran in under one (ADR 22).
            migrationBuilder.Sql("""ALTER TABLE "NameTrigrams" SET (parallel_workers = 0);""");

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
